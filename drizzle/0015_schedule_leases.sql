ALTER TYPE "public"."schedule_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "lease_until" timestamp with time zone;