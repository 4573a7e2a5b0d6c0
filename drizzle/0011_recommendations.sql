CREATE TYPE "public"."recommendation_mark" AS ENUM('must_meet', 'meet', 'no_thanks');--> statement-breakpoint
CREATE TYPE "public"."recommendation_status" AS ENUM('proposed', 'shortlisted', 'approved', 'rejected', 'suggested');--> statement-breakpoint
CREATE TABLE "matching_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"allow_repeat_meetings" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_marks" (
	"event_id" uuid NOT NULL,
	"sme_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mark" "recommendation_mark" NOT NULL,
	"marked_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_marks_pk" PRIMARY KEY("event_id","sme_id","buyer_id","organisation_id"),
	CONSTRAINT "recommendation_marks_side" CHECK ("recommendation_marks"."organisation_id" in ("recommendation_marks"."sme_id", "recommendation_marks"."buyer_id"))
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"sme_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"parts" jsonb NOT NULL,
	"reason" jsonb NOT NULL,
	"pairs" jsonb NOT NULL,
	"status" "recommendation_status" DEFAULT 'proposed' NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"suggested_at" timestamp with time zone,
	CONSTRAINT "recommendations_not_self" CHECK ("recommendations"."sme_id" <> "recommendations"."buyer_id")
);
--> statement-breakpoint
ALTER TABLE "matching_settings" ADD CONSTRAINT "matching_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_marks" ADD CONSTRAINT "recommendation_marks_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_marks" ADD CONSTRAINT "recommendation_marks_sme_id_organisations_id_fk" FOREIGN KEY ("sme_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_marks" ADD CONSTRAINT "recommendation_marks_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_marks" ADD CONSTRAINT "recommendation_marks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_marks" ADD CONSTRAINT "recommendation_marks_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_sme_id_organisations_id_fk" FOREIGN KEY ("sme_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_marks_sme_id_idx" ON "recommendation_marks" USING btree ("sme_id");--> statement-breakpoint
CREATE INDEX "recommendation_marks_buyer_id_idx" ON "recommendation_marks" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "recommendation_marks_organisation_id_idx" ON "recommendation_marks" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "recommendation_marks_marked_by_idx" ON "recommendation_marks" USING btree ("marked_by");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_event_pair_unique" ON "recommendations" USING btree ("event_id","sme_id","buyer_id");--> statement-breakpoint
CREATE INDEX "recommendations_sme_id_idx" ON "recommendations" USING btree ("sme_id");--> statement-breakpoint
CREATE INDEX "recommendations_buyer_id_idx" ON "recommendations" USING btree ("buyer_id");