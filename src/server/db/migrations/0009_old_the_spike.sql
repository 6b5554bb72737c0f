ALTER TABLE "person" ADD COLUMN "disabled_by" text;--> statement-breakpoint
CREATE INDEX "organisation_name_sort_idx" ON "organisation" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "organisation_name_trgm_idx" ON "organisation" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_name_sort_idx" ON "person" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "person_name_trgm_idx" ON "person" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_email_trgm_idx" ON "person" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_disabled_by_valid" CHECK ("person"."disabled_by" is null or "person"."disabled_by" in ('platform', 'organisation'));--> statement-breakpoint
-- People disabled before the authority was recorded: only a platform admin lifts it (the safe reading).
UPDATE "person" SET "disabled_by" = 'platform' WHERE "status" = 'disabled';
