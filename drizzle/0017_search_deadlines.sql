ALTER TABLE "search_documents" ADD COLUMN "buyer_type" text;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "deadline" bigint;--> statement-breakpoint
-- Needs already indexed by the embedded engine gain their buyer type and deadline (the end of the deadline's day, UTC).
UPDATE "search_documents" d SET
  "buyer_type" = CASE WHEN o."public_buyer" THEN 'public' ELSE 'private' END,
  "deadline" = CASE WHEN n."deadline" IS NULL THEN NULL ELSE (extract(epoch FROM (n."deadline" + 1)::timestamp) * 1000)::bigint - 1 END,
  "doc" = d."doc" || jsonb_strip_nulls(jsonb_build_object(
    'buyerType', CASE WHEN o."public_buyer" THEN 'public' ELSE 'private' END,
    'deadline', CASE WHEN n."deadline" IS NULL THEN NULL ELSE (extract(epoch FROM (n."deadline" + 1)::timestamp) * 1000)::bigint - 1 END))
FROM "needs" n JOIN "organisations" o ON o."id" = n."organisation_id"
WHERE d."index" = 'needs' AND d."id" = n."id"::text;
