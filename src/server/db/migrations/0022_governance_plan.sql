CREATE TABLE "governance_calendar_feed" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_calendar_feed_token_key" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "governance_indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"target" numeric(20, 4),
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_indicator_source_valid" CHECK ("governance_indicator"."source" in ('manual', 'education_ambassador_organisations', 'intervision_meetings_held'))
);
--> statement-breakpoint
CREATE TABLE "governance_indicator_measurement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_indicator_measurement_source_valid" CHECK ("governance_indicator_measurement"."source" in ('manual', 'computed'))
);
--> statement-breakpoint
CREATE TABLE "governance_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_plan_year_valid" CHECK ("governance_plan"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "governance_plan_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"description" text NOT NULL,
	"responsible_person_id" uuid,
	"responsible_organisation_id" uuid,
	"responsible_text" text DEFAULT '' NOT NULL,
	"budget_cents" bigint DEFAULT 0 NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'agreed_in_principle' NOT NULL,
	"moved_to_year" integer,
	"moved_from_action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_plan_action_status_valid" CHECK ("governance_plan_action"."status" in ('agreed_in_principle', 'budget_request_due', 'approved', 'released', 'moved', 'dropped')),
	CONSTRAINT "governance_plan_action_budget_valid" CHECK ("governance_plan_action"."budget_cents" between 0 and 100000000000),
	CONSTRAINT "governance_plan_action_moved_valid" CHECK (("governance_plan_action"."status" = 'moved') = ("governance_plan_action"."moved_to_year" is not null))
);
--> statement-breakpoint
CREATE TABLE "governance_plan_status_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "governance_plan_status_change_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"action_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"moved_to_year" integer,
	"decision_item_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_plan_status_change_to_valid" CHECK ("governance_plan_status_change"."to_status" in ('agreed_in_principle', 'budget_request_due', 'approved', 'released', 'moved', 'dropped'))
);
--> statement-breakpoint
ALTER TABLE "governance_calendar_feed" ADD CONSTRAINT "governance_calendar_feed_body_id_governance_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_calendar_feed" ADD CONSTRAINT "governance_calendar_feed_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_indicator" ADD CONSTRAINT "governance_indicator_plan_id_governance_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."governance_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_indicator_measurement" ADD CONSTRAINT "governance_indicator_measurement_indicator_id_governance_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."governance_indicator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_indicator_measurement" ADD CONSTRAINT "governance_indicator_measurement_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan" ADD CONSTRAINT "governance_plan_body_id_governance_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_action" ADD CONSTRAINT "governance_plan_action_plan_id_governance_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."governance_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_action" ADD CONSTRAINT "governance_plan_action_responsible_person_id_person_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_action" ADD CONSTRAINT "governance_plan_action_responsible_organisation_id_organisation_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_action" ADD CONSTRAINT "governance_plan_action_moved_from_action_id_governance_plan_action_id_fk" FOREIGN KEY ("moved_from_action_id") REFERENCES "public"."governance_plan_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_status_change" ADD CONSTRAINT "governance_plan_status_change_action_id_governance_plan_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."governance_plan_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_status_change" ADD CONSTRAINT "governance_plan_status_change_decision_item_id_governance_agenda_item_id_fk" FOREIGN KEY ("decision_item_id") REFERENCES "public"."governance_agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_status_change" ADD CONSTRAINT "governance_plan_status_change_changed_by_person_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_indicator_plan_name_key" ON "governance_indicator" USING btree ("plan_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "governance_indicator_measurement_day_key" ON "governance_indicator_measurement" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_plan_body_year_key" ON "governance_plan" USING btree ("body_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_plan_action_number_key" ON "governance_plan_action" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "governance_plan_action_status_idx" ON "governance_plan_action" USING btree ("plan_id","status","number");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_plan_action_moved_from_key" ON "governance_plan_action" USING btree ("moved_from_action_id");--> statement-breakpoint
CREATE INDEX "governance_plan_status_change_action_idx" ON "governance_plan_status_change" USING btree ("action_id","seq");--> statement-breakpoint
CREATE INDEX "governance_plan_status_change_decision_idx" ON "governance_plan_status_change" USING btree ("decision_item_id");