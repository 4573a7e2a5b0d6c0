CREATE TYPE "public"."meeting_outcome" AS ENUM('held', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."check_in_method" AS ENUM('organiser', 'self');--> statement-breakpoint
CREATE TYPE "public"."meeting_interest" AS ENUM('none', 'informative', 'follow_up_planned', 'quote_requested', 'pilot', 'contract_expected');--> statement-breakpoint
CREATE TABLE "check_ins" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"method" "check_in_method" NOT NULL,
	"by_user_id" uuid,
	"absent" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_pk" PRIMARY KEY("event_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "live_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_feedback" (
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"held" boolean NOT NULL,
	"interest" "meeting_interest",
	"comment" text,
	"by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_feedback_pk" PRIMARY KEY("meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"key" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "outcome" "meeting_outcome";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "absent_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_feedback" ADD CONSTRAINT "meeting_feedback_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_feedback" ADD CONSTRAINT "meeting_feedback_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_feedback" ADD CONSTRAINT "meeting_feedback_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_organisation_id_idx" ON "check_ins" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "live_messages_channel_id_idx" ON "live_messages" USING btree ("channel","id");--> statement-breakpoint
CREATE INDEX "live_messages_created_at_idx" ON "live_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "meeting_feedback_organisation_id_idx" ON "meeting_feedback" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_absent_organisation_id_organisations_id_fk" FOREIGN KEY ("absent_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;