CREATE TABLE "learning_practice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"added_value" text DEFAULT '' NOT NULL,
	"bottlenecks" text DEFAULT '' NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sector_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_organisation_id" uuid,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "learning_practice_status_valid" CHECK ("learning_practice"."status" in ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "learning_practice_organisation" (
	"practice_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "learning_practice_organisation_practice_id_organisation_id_pk" PRIMARY KEY("practice_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "learning_practice" ADD CONSTRAINT "learning_practice_author_organisation_id_organisation_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_practice" ADD CONSTRAINT "learning_practice_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_practice" ADD CONSTRAINT "learning_practice_published_by_person_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_practice_organisation" ADD CONSTRAINT "learning_practice_organisation_practice_id_learning_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."learning_practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_practice_organisation" ADD CONSTRAINT "learning_practice_organisation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_practice_title_idx" ON "learning_practice" USING btree (lower("title"),"id");--> statement-breakpoint
CREATE INDEX "learning_practice_author_idx" ON "learning_practice" USING btree ("author_organisation_id");--> statement-breakpoint
CREATE INDEX "learning_practice_sector_idx" ON "learning_practice" USING gin ("sector_codes");--> statement-breakpoint
CREATE INDEX "learning_practice_search_idx" ON "learning_practice" USING gin (to_tsvector('public.samenplan_dutch'::regconfig, "title" || ' ' || "summary" || ' ' || "goals" || ' ' || "added_value" || ' ' || "bottlenecks"));--> statement-breakpoint
CREATE INDEX "learning_practice_organisation_org_idx" ON "learning_practice_organisation" USING btree ("organisation_id");