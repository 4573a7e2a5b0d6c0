CREATE TYPE "public"."notice_form" AS ENUM('contract', 'prior-information', 'market-consultation');--> statement-breakpoint
CREATE TYPE "public"."notice_role" AS ENUM('original', 'change', 'cancellation');--> statement-breakpoint
CREATE TYPE "public"."tender_status" AS ENUM('open', 'cancelled');--> statement-breakpoint
CREATE TABLE "tender_lots" (
	"tender_id" uuid NOT NULL,
	"lot_id" text NOT NULL,
	"need_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"estimated_value" numeric(20, 2),
	"currency" text,
	"deadline_at" timestamp with time zone,
	"deadline_kind" text,
	CONSTRAINT "tender_lots_pk" PRIMARY KEY("tender_id","lot_id"),
	CONSTRAINT "tender_lots_value_currency" CHECK (("tender_lots"."estimated_value" is null) = ("tender_lots"."currency" is null)),
	CONSTRAINT "tender_lots_deadline_kind" CHECK ("tender_lots"."deadline_kind" is null or "tender_lots"."deadline_kind" in ('tenders', 'requests', 'expressions', 'answers'))
);
--> statement-breakpoint
CREATE TABLE "tender_notices" (
	"notice_id" text NOT NULL,
	"version" text NOT NULL,
	"tender_id" uuid NOT NULL,
	"role" "notice_role" NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid,
	CONSTRAINT "tender_notices_pk" PRIMARY KEY("notice_id","version")
);
--> statement-breakpoint
CREATE TABLE "tenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"buyer_id" uuid NOT NULL,
	"notice_id" text NOT NULL,
	"notice_version" text NOT NULL,
	"procedure_id" text,
	"form" "notice_form" NOT NULL,
	"notice_type" text NOT NULL,
	"subtype" text NOT NULL,
	"sdk_version" text NOT NULL,
	"languages" text[] NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"contact" jsonb NOT NULL,
	"issue_date" date NOT NULL,
	"planned_date" date,
	"publication_number" text,
	"status" "tender_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "public_buyer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tender_lots" ADD CONSTRAINT "tender_lots_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_lots" ADD CONSTRAINT "tender_lots_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_notices" ADD CONSTRAINT "tender_notices_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_notices" ADD CONSTRAINT "tender_notices_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tender_lots_need_id_key" ON "tender_lots" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "tender_notices_tender_id_idx" ON "tender_notices" USING btree ("tender_id");--> statement-breakpoint
CREATE INDEX "tender_notices_imported_by_idx" ON "tender_notices" USING btree ("imported_by");--> statement-breakpoint
CREATE INDEX "tenders_buyer_id_idx" ON "tenders" USING btree ("buyer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenders_procedure_id_key" ON "tenders" USING btree ("procedure_id") WHERE "tenders"."procedure_id" is not null;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_public_buyer_kind" CHECK (not "organisations"."public_buyer" or "organisations"."kind" = 'buyer');