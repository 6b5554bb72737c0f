CREATE TABLE "attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachment_size_valid" CHECK ("attachment"."size_bytes" >= 0 and "attachment"."size_bytes" <= 10485760),
	CONSTRAINT "attachment_sha256_format" CHECK ("attachment"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "contact_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_id" uuid,
	"function" text NOT NULL,
	"title" text NOT NULL,
	"email" text,
	"phone" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contact_point_function_valid" CHECK ("contact_point"."function" in ('intake', 'education_ambassador', 'iroj_member', 'confidant_point', 'central_registration', 'general', 'other'))
);
--> statement-breakpoint
CREATE TABLE "engagement_declaration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"status" text NOT NULL,
	"expected_by" date,
	"received_on" date,
	"note" text DEFAULT '' NOT NULL,
	"attachment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "engagement_declaration_status_valid" CHECK ("engagement_declaration"."status" in ('received', 'expected', 'under_consideration')),
	CONSTRAINT "engagement_declaration_received_has_date" CHECK ("engagement_declaration"."status" <> 'received' or "engagement_declaration"."received_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "location" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"nis_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "location_postal_code_format" CHECK ("location"."postal_code" ~ '^[0-9]{4}$'),
	CONSTRAINT "location_coordinates_valid" CHECK (("location"."latitude" is null) = ("location"."longitude" is null) and ("location"."latitude" is null or ("location"."latitude" between -90 and 90 and "location"."longitude" between -180 and 180)))
);
--> statement-breakpoint
CREATE TABLE "organisation_municipality" (
	"organisation_id" uuid NOT NULL,
	"nis_code" text NOT NULL,
	CONSTRAINT "organisation_municipality_organisation_id_nis_code_pk" PRIMARY KEY("organisation_id","nis_code")
);
--> statement-breakpoint
CREATE TABLE "service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"eligibility" text DEFAULT '' NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"languages" text[] DEFAULT '{nl}'::text[] NOT NULL,
	"how_to_apply" text DEFAULT '' NOT NULL,
	"cost" text DEFAULT '' NOT NULL,
	"url" text,
	"email" text,
	"phone" text,
	"direct_access" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"capacity" integer,
	"waiting_days" integer,
	"waiting_confirmed_on" date,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_status_valid" CHECK ("service"."status" in ('active', 'inactive')),
	CONSTRAINT "service_ages_valid" CHECK (("service"."min_age" is null or "service"."min_age" between 0 and 120) and ("service"."max_age" is null or "service"."max_age" between 0 and 120) and ("service"."min_age" is null or "service"."max_age" is null or "service"."min_age" <= "service"."max_age")),
	CONSTRAINT "service_capacity_valid" CHECK ("service"."capacity" is null or "service"."capacity" >= 0),
	CONSTRAINT "service_waiting_valid" CHECK ("service"."waiting_days" is null or "service"."waiting_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_location" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zinplek" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"location_id" uuid,
	"name" text NOT NULL,
	"activities" text DEFAULT '' NOT NULL,
	"for_whom" text DEFAULT '' NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"registration" text DEFAULT '' NOT NULL,
	"places" integer,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "zinplek_ages_valid" CHECK (("zinplek"."min_age" is null or "zinplek"."min_age" between 0 and 120) and ("zinplek"."max_age" is null or "zinplek"."max_age" between 0 and 120) and ("zinplek"."min_age" is null or "zinplek"."max_age" is null or "zinplek"."min_age" <= "zinplek"."max_age")),
	CONSTRAINT "zinplek_places_valid" CHECK ("zinplek"."places" is null or "zinplek"."places" >= 0)
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "direct_access" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "broad_entry_point" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "mandated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "listed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "confirmed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploaded_by_person_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point" ADD CONSTRAINT "contact_point_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point" ADD CONSTRAINT "contact_point_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_declaration" ADD CONSTRAINT "engagement_declaration_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_declaration" ADD CONSTRAINT "engagement_declaration_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_declaration" ADD CONSTRAINT "engagement_declaration_attachment_id_attachment_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location" ADD CONSTRAINT "location_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location" ADD CONSTRAINT "location_nis_code_municipality_nis_code_fk" FOREIGN KEY ("nis_code") REFERENCES "public"."municipality"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_municipality" ADD CONSTRAINT "organisation_municipality_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_municipality" ADD CONSTRAINT "organisation_municipality_nis_code_municipality_nis_code_fk" FOREIGN KEY ("nis_code") REFERENCES "public"."municipality"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_location" ADD CONSTRAINT "service_location_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_location" ADD CONSTRAINT "service_location_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zinplek" ADD CONSTRAINT "zinplek_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zinplek" ADD CONSTRAINT "zinplek_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachment_resource_idx" ON "attachment" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "contact_point_organisation_idx" ON "contact_point" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "contact_point_function_idx" ON "contact_point" USING btree ("function");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_declaration_org_region_key" ON "engagement_declaration" USING btree ("organisation_id","region_id");--> statement-breakpoint
CREATE INDEX "engagement_declaration_region_idx" ON "engagement_declaration" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "location_organisation_idx" ON "location" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "location_nis_idx" ON "location" USING btree ("nis_code");--> statement-breakpoint
CREATE INDEX "organisation_municipality_nis_idx" ON "organisation_municipality" USING btree ("nis_code");--> statement-breakpoint
CREATE INDEX "service_organisation_idx" ON "service" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "service_confirmed_idx" ON "service" USING btree ("confirmed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_location_key" ON "service_location" USING btree ("service_id","location_id");--> statement-breakpoint
CREATE INDEX "service_location_location_idx" ON "service_location" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "zinplek_organisation_idx" ON "zinplek" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "wait" ADD CONSTRAINT "wait_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_confirmed_idx" ON "organisation" USING btree ("confirmed_at");--> statement-breakpoint
CREATE INDEX "wait_service_idx" ON "wait" USING btree ("service_id") WHERE "wait"."service_id" is not null;