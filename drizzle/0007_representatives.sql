CREATE TABLE "representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"job_title" text,
	"unavailable_slots" integer[] DEFAULT '{}'::int[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD COLUMN "representative_id" uuid;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "representatives_participation_id_idx" ON "representatives" USING btree ("participation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "representatives_email_unique" ON "representatives" USING btree ("participation_id",lower("email")) WHERE "representatives"."email" is not null;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_requests_representative_id_idx" ON "meeting_requests" USING btree ("representative_id");