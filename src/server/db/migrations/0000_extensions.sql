-- Extensions for Dutch full-text search: trigram similarity for typo tolerance and accent folding.
-- Both are trusted extensions in PostgreSQL 13+, so the database owner can create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
