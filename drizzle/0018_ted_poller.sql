CREATE TABLE "ted_polled_notices" (
	"publication_number" text PRIMARY KEY NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"outcome" text,
	"detail" text
);
