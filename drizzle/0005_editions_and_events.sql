CREATE TYPE "public"."event_format" AS ENUM('venue', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('own', 'external');--> statement-breakpoint
CREATE TABLE "edition_organisers" (
	"edition_id" uuid NOT NULL,
	"organiser_id" uuid NOT NULL,
	CONSTRAINT "edition_organisers_pk" PRIMARY KEY("edition_id","organiser_id")
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"home_nuts2" text NOT NULL,
	"target_s3" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_eur" integer,
	"kpi_targets" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_period_order" CHECK ("editions"."period_start" <= "editions"."period_end")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "event_kind" NOT NULL,
	"external_organiser" text,
	"format" "event_format" NOT NULL,
	"venue" text,
	"time_zone" text NOT NULL,
	"days" jsonb NOT NULL,
	"slot_minutes" integer NOT NULL,
	"gap_minutes" integer NOT NULL,
	"tables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"registration_deadline" timestamp with time zone,
	"request_deadline" timestamp with time zone,
	"scheduling_deadline" timestamp with time zone,
	"max_meetings_per_participant" integer NOT NULL,
	"virtual_link_base" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_slot_minutes_range" CHECK ("events"."slot_minutes" between 5 and 240),
	CONSTRAINT "events_deadline_order" CHECK ("events"."request_deadline" is null or "events"."scheduling_deadline" is null or "events"."request_deadline" <= "events"."scheduling_deadline")
);
--> statement-breakpoint
ALTER TABLE "edition_organisers" ADD CONSTRAINT "edition_organisers_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_organisers" ADD CONSTRAINT "edition_organisers_organiser_id_organisations_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_organisers_organiser_id_idx" ON "edition_organisers" USING btree ("organiser_id");--> statement-breakpoint
CREATE INDEX "events_edition_id_idx" ON "events" USING btree ("edition_id");