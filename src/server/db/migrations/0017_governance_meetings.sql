CREATE TABLE "governance_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_person_id" uuid,
	"owner_organisation_id" uuid,
	"due_on" date,
	"target_meeting_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_action_status_valid" CHECK ("governance_action"."status" in ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "governance_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"presenter_text" text,
	"presenter_person_id" uuid,
	"kind" text NOT NULL,
	"minutes_explanation" text DEFAULT '' NOT NULL,
	"minutes_discussion" text DEFAULT '' NOT NULL,
	"minutes_decision" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_agenda_item_kind_valid" CHECK ("governance_agenda_item"."kind" in ('information', 'discussion', 'decision', 'follow_up'))
);
--> statement-breakpoint
CREATE TABLE "governance_amendment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"status" text,
	"guest_name" text,
	"guest_organisation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_attendance_status_valid" CHECK ("governance_attendance"."status" is null or "governance_attendance"."status" in ('present', 'excused', 'absent')),
	CONSTRAINT "governance_attendance_member_or_guest" CHECK (("governance_attendance"."person_id" is not null and "governance_attendance"."status" is not null and "governance_attendance"."guest_name" is null) or ("governance_attendance"."person_id" is null and "governance_attendance"."guest_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "governance_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"start_time" text,
	"end_time" text,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"minutes_status" text DEFAULT 'draft' NOT NULL,
	"minutes_approved_at_meeting_id" uuid,
	"minutes_approved_at" timestamp with time zone,
	"minutes_approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_meeting_status_valid" CHECK ("governance_meeting"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "governance_meeting_minutes_status_valid" CHECK ("governance_meeting"."minutes_status" in ('draft', 'approved')),
	CONSTRAINT "governance_meeting_times_valid" CHECK ("governance_meeting"."start_time" is null or "governance_meeting"."end_time" is null or "governance_meeting"."end_time" > "governance_meeting"."start_time")
);
--> statement-breakpoint
ALTER TABLE "governance_action" ADD CONSTRAINT "governance_action_body_id_governance_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_action" ADD CONSTRAINT "governance_action_meeting_id_governance_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_action" ADD CONSTRAINT "governance_action_agenda_item_id_governance_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."governance_agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_action" ADD CONSTRAINT "governance_action_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_action" ADD CONSTRAINT "governance_action_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_action" ADD CONSTRAINT "governance_action_target_meeting_id_governance_meeting_id_fk" FOREIGN KEY ("target_meeting_id") REFERENCES "public"."governance_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_agenda_item" ADD CONSTRAINT "governance_agenda_item_meeting_id_governance_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_agenda_item" ADD CONSTRAINT "governance_agenda_item_presenter_person_id_person_id_fk" FOREIGN KEY ("presenter_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_amendment" ADD CONSTRAINT "governance_amendment_agenda_item_id_governance_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."governance_agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_amendment" ADD CONSTRAINT "governance_amendment_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attendance" ADD CONSTRAINT "governance_attendance_meeting_id_governance_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attendance" ADD CONSTRAINT "governance_attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting" ADD CONSTRAINT "governance_meeting_body_id_governance_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting" ADD CONSTRAINT "governance_meeting_minutes_approved_at_meeting_id_governance_meeting_id_fk" FOREIGN KEY ("minutes_approved_at_meeting_id") REFERENCES "public"."governance_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting" ADD CONSTRAINT "governance_meeting_minutes_approved_by_person_id_fk" FOREIGN KEY ("minutes_approved_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_action_body_status_idx" ON "governance_action" USING btree ("body_id","status");--> statement-breakpoint
CREATE INDEX "governance_action_item_idx" ON "governance_action" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "governance_action_owner_idx" ON "governance_action" USING btree ("owner_person_id","status");--> statement-breakpoint
CREATE INDEX "governance_agenda_item_meeting_idx" ON "governance_agenda_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "governance_amendment_item_idx" ON "governance_amendment" USING btree ("agenda_item_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_attendance_person_key" ON "governance_attendance" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "governance_attendance_meeting_idx" ON "governance_attendance" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "governance_meeting_body_date_idx" ON "governance_meeting" USING btree ("body_id","meeting_date","id");