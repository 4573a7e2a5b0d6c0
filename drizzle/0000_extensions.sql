-- Extensions the platform relies on: trigram similarity for typo-tolerant
-- search, accent folding for Italian text, uuid generation, case-insensitive
-- e-mail addresses, and GIN indexes over scalar columns for facets.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pgcrypto;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS citext;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary); pinning the dictionary
-- makes it safe to declare IMMUTABLE, so it can feed generated columns and indexes.
CREATE OR REPLACE FUNCTION immutable_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, input);
