ALTER TABLE "directory_import" DROP CONSTRAINT "directory_import_status_valid";--> statement-breakpoint
ALTER TABLE "directory_import" ADD COLUMN "all_or_nothing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_import" ADD CONSTRAINT "directory_import_status_valid" CHECK ("directory_import"."status" in ('queued', 'checking', 'writing', 'done', 'refused', 'failed'));