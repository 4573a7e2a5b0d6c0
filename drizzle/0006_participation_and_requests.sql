CREATE TYPE "public"."participation_status" AS ENUM('targeted', 'invited', 'applied', 'selected', 'rejected', 'prepared', 'attended', 'followed_up');--> statement-breakpoint
CREATE TYPE "public"."request_origin" AS ENUM('sme', 'buyer', 'organiser');--> statement-breakpoint
CREATE TYPE "public"."request_priority" AS ENUM('must_meet', 'meet');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('pending', 'accepted', 'declined', 'withdrawn', 'expired');--> statement-breakpoint
CREATE TABLE "meeting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"origin" "request_origin" NOT NULL,
	"priority" "request_priority" NOT NULL,
	"message" text,
	"status" "request_status" DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "meeting_requests_not_self" CHECK ("meeting_requests"."from_organisation_id" <> "meeting_requests"."to_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "participation_status" NOT NULL,
	"reason" text,
	"coaching_sessions" integer DEFAULT 0 NOT NULL,
	"unavailable_slots" integer[] DEFAULT '{}'::int[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participations_coaching_not_negative" CHECK ("participations"."coaching_sessions" >= 0)
);
--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_requests_event_id_idx" ON "meeting_requests" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_from_idx" ON "meeting_requests" USING btree ("from_organisation_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_to_idx" ON "meeting_requests" USING btree ("to_organisation_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_created_by_idx" ON "meeting_requests" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_requests_open_pair_unique" ON "meeting_requests" USING btree ("event_id",least("from_organisation_id", "to_organisation_id"),greatest("from_organisation_id", "to_organisation_id")) WHERE "meeting_requests"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "participations_event_organisation_unique" ON "participations" USING btree ("event_id","organisation_id");--> statement-breakpoint
CREATE INDEX "participations_organisation_id_idx" ON "participations" USING btree ("organisation_id");