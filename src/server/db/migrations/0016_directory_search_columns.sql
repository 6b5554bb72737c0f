ALTER TABLE "service" ADD COLUMN "search_document" "tsvector" GENERATED ALWAYS AS (public.directory_service_document(name, description, eligibility)) STORED;--> statement-breakpoint
ALTER TABLE "service" ADD COLUMN "search_name" text GENERATED ALWAYS AS (public.directory_fold(name)) STORED;--> statement-breakpoint
ALTER TABLE "zinplek" ADD COLUMN "search_document" "tsvector" GENERATED ALWAYS AS (public.directory_zinplek_document(name, activities, for_whom)) STORED;--> statement-breakpoint
ALTER TABLE "zinplek" ADD COLUMN "search_name" text GENERATED ALWAYS AS (public.directory_fold(name)) STORED;--> statement-breakpoint
CREATE INDEX "service_search_idx" ON "service" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "service_search_name_trgm_idx" ON "service" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "service_name_sort_idx" ON "service" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "zinplek_search_idx" ON "zinplek" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "zinplek_search_name_trgm_idx" ON "zinplek" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "zinplek_name_sort_idx" ON "zinplek" USING btree (lower("name"),"id");