CREATE TYPE "public"."contract_kind" AS ENUM('purchase_order', 'framework', 'pilot', 'licence', 'other');--> statement-breakpoint
CREATE TYPE "public"."contract_status" AS ENUM('reported', 'confirmed', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."document_type" AS ENUM('pdf', 'png', 'jpeg');--> statement-breakpoint
CREATE TYPE "public"."report_source" AS ENUM('self_declared', 'financial_statements');--> statement-breakpoint
CREATE TYPE "public"."voucher_category" AS ENUM('event_outside_region', 'coaching');--> statement-breakpoint
CREATE TYPE "public"."voucher_claim_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "contract_trail" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"event_id" uuid,
	"request_id" uuid,
	"meeting_id" uuid,
	"sme_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"reported_by_organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "contract_kind" NOT NULL,
	"signed_on" date NOT NULL,
	"value_eur" bigint NOT NULL,
	"status" "contract_status" DEFAULT 'reported' NOT NULL,
	"evidence_id" uuid,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "contracts_value_not_negative" CHECK ("contracts"."value_eur" >= 0),
	CONSTRAINT "contracts_sides_differ" CHECK ("contracts"."sme_id" <> "contracts"."buyer_id"),
	CONSTRAINT "contracts_verified_is_confirmed" CHECK ("contracts"."status" not in ('confirmed', 'verified') or "contracts"."confirmed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"type" "document_type" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_size_range" CHECK ("documents"."size" > 0 and "documents"."size" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "performance_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"turnover_eur" bigint NOT NULL,
	"export_eur" bigint NOT NULL,
	"source" "report_source" NOT NULL,
	"reported_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_reports_values" CHECK ("performance_reports"."turnover_eur" >= 0 and "performance_reports"."export_eur" >= 0 and "performance_reports"."export_eur" <= "performance_reports"."turnover_eur"),
	CONSTRAINT "performance_reports_year_range" CHECK ("performance_reports"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "performance_requests" (
	"sme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher_budgets" (
	"edition_id" uuid NOT NULL,
	"sme_id" uuid NOT NULL,
	"budget_eur" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_budgets_not_negative" CHECK ("voucher_budgets"."budget_eur" >= 0)
);
--> statement-breakpoint
CREATE TABLE "voucher_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"sme_id" uuid NOT NULL,
	"category" "voucher_category" NOT NULL,
	"amount_eur" integer NOT NULL,
	"description" text NOT NULL,
	"receipt_id" uuid,
	"status" "voucher_claim_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "voucher_claims_amount_positive" CHECK ("voucher_claims"."amount_eur" > 0)
);
--> statement-breakpoint
ALTER TABLE "contract_trail" ADD CONSTRAINT "contract_trail_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_trail" ADD CONSTRAINT "contract_trail_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_trail" ADD CONSTRAINT "contract_trail_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_request_id_meeting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."meeting_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_sme_id_organisations_id_fk" FOREIGN KEY ("sme_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_reported_by_organisation_id_organisations_id_fk" FOREIGN KEY ("reported_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_evidence_id_documents_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_reports" ADD CONSTRAINT "performance_reports_sme_id_organisations_id_fk" FOREIGN KEY ("sme_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_reports" ADD CONSTRAINT "performance_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_requests" ADD CONSTRAINT "performance_requests_sme_id_organisations_id_fk" FOREIGN KEY ("sme_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_budgets" ADD CONSTRAINT "voucher_budgets_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_budgets" ADD CONSTRAINT "voucher_budgets_sme_id_organisations_id_fk" FOREIGN KEY ("sme_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_sme_id_organisations_id_fk" FOREIGN KEY ("sme_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_receipt_id_documents_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_trail_contract_id_idx" ON "contract_trail" USING btree ("contract_id","at");--> statement-breakpoint
CREATE INDEX "contract_trail_actor_user_id_idx" ON "contract_trail" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "contract_trail_actor_organisation_id_idx" ON "contract_trail" USING btree ("actor_organisation_id");--> statement-breakpoint
CREATE INDEX "contracts_edition_id_idx" ON "contracts" USING btree ("edition_id","status");--> statement-breakpoint
CREATE INDEX "contracts_event_id_idx" ON "contracts" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "contracts_request_id_idx" ON "contracts" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "contracts_meeting_id_idx" ON "contracts" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "contracts_sme_id_idx" ON "contracts" USING btree ("sme_id");--> statement-breakpoint
CREATE INDEX "contracts_buyer_id_idx" ON "contracts" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "contracts_reported_by_organisation_id_idx" ON "contracts" USING btree ("reported_by_organisation_id");--> statement-breakpoint
CREATE INDEX "contracts_evidence_id_idx" ON "contracts" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "contracts_reported_by_idx" ON "contracts" USING btree ("reported_by");--> statement-breakpoint
CREATE INDEX "contracts_confirmed_by_idx" ON "contracts" USING btree ("confirmed_by");--> statement-breakpoint
CREATE INDEX "contracts_decided_by_idx" ON "contracts" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "documents_organisation_id_idx" ON "documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "documents_uploaded_by_idx" ON "documents" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_reports_sme_year_unique" ON "performance_reports" USING btree ("sme_id","year");--> statement-breakpoint
CREATE INDEX "performance_reports_reported_by_idx" ON "performance_reports" USING btree ("reported_by");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_requests_sme_year_unique" ON "performance_requests" USING btree ("sme_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_budgets_edition_sme_unique" ON "voucher_budgets" USING btree ("edition_id","sme_id");--> statement-breakpoint
CREATE INDEX "voucher_budgets_sme_id_idx" ON "voucher_budgets" USING btree ("sme_id");--> statement-breakpoint
CREATE INDEX "voucher_claims_edition_id_idx" ON "voucher_claims" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "voucher_claims_sme_id_idx" ON "voucher_claims" USING btree ("sme_id");--> statement-breakpoint
CREATE INDEX "voucher_claims_receipt_id_idx" ON "voucher_claims" USING btree ("receipt_id");--> statement-breakpoint
CREATE INDEX "voucher_claims_claimed_by_idx" ON "voucher_claims" USING btree ("claimed_by");--> statement-breakpoint
CREATE INDEX "voucher_claims_decided_by_idx" ON "voucher_claims" USING btree ("decided_by");