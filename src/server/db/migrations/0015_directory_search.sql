-- Public directory search (issue 8): Dutch full-text search that ignores accents. Custom SQL:
-- drizzle-kit cannot express text search configurations or functions. The stored columns
-- service/zinplek.search_document and .search_name (schema/directory.ts, the next migration) are
-- generated from these functions and carry the GIN indexes the search uses.
CREATE TEXT SEARCH CONFIGURATION public.samenplan_dutch (COPY = pg_catalog.dutch);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.samenplan_dutch ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.dutch_stem;
--> statement-breakpoint
CREATE FUNCTION public.directory_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;
--> statement-breakpoint
CREATE FUNCTION public.directory_service_document(name text, description text, eligibility text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('public.samenplan_dutch'::regconfig, coalesce(name, '')), 'A')
            || setweight(to_tsvector('public.samenplan_dutch'::regconfig, coalesce(description, '') || ' ' || coalesce(eligibility, '')), 'B') $$;
--> statement-breakpoint
CREATE FUNCTION public.directory_zinplek_document(name text, activities text, for_whom text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('public.samenplan_dutch'::regconfig, coalesce(name, '')), 'A')
            || setweight(to_tsvector('public.samenplan_dutch'::regconfig, coalesce(activities, '') || ' ' || coalesce(for_whom, '')), 'B') $$;
