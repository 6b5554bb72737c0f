CREATE TABLE "learning_partnership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_partnership_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"phase" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"filled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_partnership_member" (
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "learning_partnership_member_partnership_id_organisation_id_pk" PRIMARY KEY("partnership_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "learning_partnership_round" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"date" date NOT NULL,
	"content_version" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_toolkit_content" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"texts" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_toolkit_content_version_key" UNIQUE("version"),
	CONSTRAINT "learning_toolkit_content_version_valid" CHECK ("learning_toolkit_content"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "learning_partnership" ADD CONSTRAINT "learning_partnership_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_assessment" ADD CONSTRAINT "learning_partnership_assessment_round_id_learning_partnership_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."learning_partnership_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_assessment" ADD CONSTRAINT "learning_partnership_assessment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_assessment" ADD CONSTRAINT "learning_partnership_assessment_filled_by_person_id_fk" FOREIGN KEY ("filled_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_member" ADD CONSTRAINT "learning_partnership_member_partnership_id_learning_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."learning_partnership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_member" ADD CONSTRAINT "learning_partnership_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_round" ADD CONSTRAINT "learning_partnership_round_partnership_id_learning_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."learning_partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_round" ADD CONSTRAINT "learning_partnership_round_content_version_learning_toolkit_content_version_fk" FOREIGN KEY ("content_version") REFERENCES "public"."learning_toolkit_content"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_partnership_round" ADD CONSTRAINT "learning_partnership_round_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_toolkit_content" ADD CONSTRAINT "learning_toolkit_content_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_partnership_name_idx" ON "learning_partnership" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_partnership_assessment_organisation_key" ON "learning_partnership_assessment" USING btree ("round_id","organisation_id");--> statement-breakpoint
CREATE INDEX "learning_partnership_member_org_idx" ON "learning_partnership_member" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "learning_partnership_round_partnership_idx" ON "learning_partnership_round" USING btree ("partnership_id","date");