CREATE TABLE "governance_body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_body_kind_valid" CHECK ("governance_body"."kind" in ('iroj', 'steering_group', 'bureau', 'working_group', 'intervision_group', 'case_table', 'priority_commission', 'network_forum', 'learning_network'))
);
--> statement-breakpoint
CREATE TABLE "governance_membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"sector_id" uuid,
	"role" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"successor_of" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_membership_role_valid" CHECK ("governance_membership"."role" in ('chair', 'vice_chair', 'secretary', 'member', 'guest_advisor', 'observer')),
	CONSTRAINT "governance_membership_dates_valid" CHECK ("governance_membership"."left_on" is null or "governance_membership"."left_on" >= "governance_membership"."joined_on")
);
--> statement-breakpoint
ALTER TABLE "governance_body" ADD CONSTRAINT "governance_body_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_body_id_governance_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_sector_id_sector_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sector"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_successor_of_governance_membership_id_fk" FOREIGN KEY ("successor_of") REFERENCES "public"."governance_membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_body_region_name_key" ON "governance_body" USING btree ("region_id",lower("name"));--> statement-breakpoint
CREATE INDEX "governance_body_name_sort_idx" ON "governance_body" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_membership_open_key" ON "governance_membership" USING btree ("body_id","person_id") WHERE "governance_membership"."left_on" is null;--> statement-breakpoint
CREATE INDEX "governance_membership_body_idx" ON "governance_membership" USING btree ("body_id","joined_on");--> statement-breakpoint
CREATE INDEX "governance_membership_person_idx" ON "governance_membership" USING btree ("person_id","body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_membership_successor_key" ON "governance_membership" USING btree ("successor_of");