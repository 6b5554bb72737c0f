CREATE TABLE "directory_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"payload" text,
	"records_done" integer DEFAULT 0 NOT NULL,
	"records_total" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "directory_import_status_valid" CHECK ("directory_import"."status" in ('queued', 'checking', 'writing', 'done', 'failed')),
	CONSTRAINT "directory_import_format_valid" CHECK ("directory_import"."format" in ('json', 'tabular'))
);
--> statement-breakpoint
ALTER TABLE "directory_import" ADD CONSTRAINT "directory_import_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_import_created_idx" ON "directory_import" USING btree ("created_at","id");