CREATE TABLE "municipality" (
	"nis_code" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_fr" text,
	"arrondissement_nis" text NOT NULL,
	"arrondissement_nl" text NOT NULL,
	"province" text NOT NULL,
	"population" integer NOT NULL,
	"population_year" integer NOT NULL,
	CONSTRAINT "municipality_nis_code_format" CHECK ("municipality"."nis_code" ~ '^[0-9]{5}$'),
	CONSTRAINT "municipality_population_nonnegative" CHECK ("municipality"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "region_kind_valid" CHECK ("region"."kind" in ('network', 'province'))
);
--> statement-breakpoint
CREATE TABLE "region_municipality" (
	"region_id" uuid NOT NULL,
	"nis_code" text NOT NULL,
	CONSTRAINT "region_municipality_region_id_nis_code_pk" PRIMARY KEY("region_id","nis_code")
);
--> statement-breakpoint
CREATE TABLE "sector" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "region_municipality" ADD CONSTRAINT "region_municipality_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_municipality" ADD CONSTRAINT "region_municipality_nis_code_municipality_nis_code_fk" FOREIGN KEY ("nis_code") REFERENCES "public"."municipality"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipality_arrondissement_idx" ON "municipality" USING btree ("arrondissement_nis");--> statement-breakpoint
CREATE UNIQUE INDEX "region_code_key" ON "region" USING btree ("code");--> statement-breakpoint
CREATE INDEX "region_municipality_nis_idx" ON "region_municipality" USING btree ("nis_code");--> statement-breakpoint
CREATE UNIQUE INDEX "sector_code_key" ON "sector" USING btree ("code");