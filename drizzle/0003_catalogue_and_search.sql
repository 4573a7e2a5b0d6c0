CREATE TYPE "public"."listing_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."need_visibility" AS ENUM('public', 'selected');--> statement-breakpoint
CREATE TABLE "search_documents" (
	"index" text NOT NULL,
	"id" text NOT NULL,
	"doc" jsonb NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"words" text NOT NULL,
	"cpv" text[] NOT NULL,
	"nace" text,
	"nace_section" text,
	"s3" text,
	"region" text,
	"trl" integer,
	"size_class" text,
	"language" text NOT NULL,
	"audience" text[] NOT NULL,
	"organisation_id" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "search_documents_pk" PRIMARY KEY("index","id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"cpv_codes" text[] NOT NULL,
	"volume" text,
	"budget_min_eur" integer,
	"budget_max_eur" integer,
	"deadline" date,
	"required_certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_trl" integer,
	"visibility" "need_visibility" DEFAULT 'public' NOT NULL,
	"visible_to" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_min_trl_range" CHECK ("needs"."min_trl" between 1 and 9),
	CONSTRAINT "needs_budget_order" CHECK ("needs"."budget_min_eur" is null or "needs"."budget_max_eur" is null or "needs"."budget_min_eur" <= "needs"."budget_max_eur"),
	CONSTRAINT "needs_has_cpv" CHECK (cardinality("needs"."cpv_codes") >= 1)
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"cpv_main" text NOT NULL,
	"cpv_extra" text[] DEFAULT '{}'::text[] NOT NULL,
	"nace_code" text,
	"s3_domain" text,
	"trl" integer NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" text,
	"markets_served" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_trl_range" CHECK ("offers"."trl" between 1 and 9),
	CONSTRAINT "offers_cpv_main_format" CHECK ("offers"."cpv_main" ~ '^[0-9]{8}$')
);
--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_cpv_idx" ON "search_documents" USING gin ("cpv");--> statement-breakpoint
CREATE INDEX "search_documents_audience_idx" ON "search_documents" USING gin ("audience");--> statement-breakpoint
CREATE INDEX "search_documents_words_trgm_idx" ON "search_documents" USING gin ("words" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_filters_idx" ON "search_documents" USING btree ("index","region","trl");--> statement-breakpoint
CREATE INDEX "needs_organisation_id_idx" ON "needs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "offers_organisation_id_idx" ON "offers" USING btree ("organisation_id");