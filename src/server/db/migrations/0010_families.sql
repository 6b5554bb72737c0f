CREATE TABLE "atelier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ideas" text,
	"disclosure" text DEFAULT 'normal' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "atelier_disclosure_valid" CHECK ("atelier"."disclosure" in ('normal', 'confidential', 'third_party', 'court', 'agogic_exception', 'youth_own'))
);
--> statement-breakpoint
CREATE TABLE "blocked_signal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"source" text NOT NULL,
	"rule" text,
	"reason" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"escalated_at" timestamp with time zone,
	"escalated_by" uuid,
	"case_summary" jsonb,
	"agenda_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "blocked_signal_source_valid" CHECK ("blocked_signal"."source" in ('manual', 'rule')),
	CONSTRAINT "blocked_signal_rule_valid" CHECK (("blocked_signal"."source" = 'rule') = ("blocked_signal"."rule" is not null)),
	CONSTRAINT "blocked_signal_rule_known" CHECK ("blocked_signal"."rule" is null or "blocked_signal"."rule" in ('no_plan_change', 'long_wait', 'repeated_refusals'))
);
--> statement-breakpoint
CREATE TABLE "bridging_help" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wait_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"organisation_id" uuid,
	"what" text NOT NULL,
	"from_on" date NOT NULL,
	"until_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bridging_help_period" CHECK ("bridging_help"."until_on" is null or "bridging_help"."until_on" >= "bridging_help"."from_on")
);
--> statement-breakpoint
CREATE TABLE "commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"atelier_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_label" text NOT NULL,
	"owner_person_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"plan_action_key" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "commitment_status_valid" CHECK ("commitment"."status" in ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"kind" text DEFAULT 'consent' NOT NULL,
	"subject_member_id" uuid,
	"given_by_member_id" uuid,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid,
	"scopes" text[] NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_member_id" uuid,
	"withdrawn_by_person_id" uuid,
	"override_basis" text,
	"reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_kind_valid" CHECK ("consent"."kind" in ('consent', 'override')),
	CONSTRAINT "consent_scopes_valid" CHECK (cardinality("consent"."scopes") > 0 and "consent"."scopes" <@ array['read_plan', 'edit_plan', 'journal']::text[]),
	CONSTRAINT "consent_period" CHECK ("consent"."valid_until" is null or "consent"."valid_until" > "consent"."valid_from"),
	CONSTRAINT "consent_override_complete" CHECK ("consent"."kind" = 'consent' or ("consent"."person_id" is not null and "consent"."override_basis" in ('danger', 'legal_duty') and "consent"."reason" is not null and "consent"."valid_until" is not null)),
	CONSTRAINT "consent_given_by_complete" CHECK ("consent"."kind" = 'override' or ("consent"."subject_member_id" is not null and "consent"."given_by_member_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "contact_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"until_at" timestamp with time zone,
	"assigned_by" uuid,
	"note" text,
	CONSTRAINT "contact_assignment_period" CHECK ("contact_assignment"."until_at" is null or "contact_assignment"."until_at" >= "contact_assignment"."from_at")
);
--> statement-breakpoint
CREATE TABLE "family" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_nis" text NOT NULL,
	"name" text NOT NULL,
	"pseudonym" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"last_plan_change_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_status_valid" CHECK ("family"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "family_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" date,
	"account_id" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_member_role_valid" CHECK ("family_member"."role" in ('child', 'parent', 'carer', 'other')),
	CONSTRAINT "family_member_child_birth_date" CHECK ("family_member"."role" <> 'child' or "family_member"."birth_date" is not null)
);
--> statement-breakpoint
CREATE TABLE "request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_nis" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"channel" text NOT NULL,
	"referrer" text,
	"family_name" text NOT NULL,
	"contact_info" text,
	"question" text NOT NULL,
	"life_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"family_id" uuid,
	"first_contact_on" date,
	"answered_on" date,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "request_channel_valid" CHECK ("request"."channel" in ('broad_entry', 'clb', 'huis_van_het_kind', 'self', 'crisis_line', 'other')),
	CONSTRAINT "request_urgency_valid" CHECK ("request"."urgency" in ('normal', 'high', 'crisis')),
	CONSTRAINT "request_status_valid" CHECK ("request"."status" in ('received', 'triage', 'contact_assigned', 'first_contact', 'answered')),
	CONSTRAINT "request_outcome_valid" CHECK ("request"."outcome" is null or "request"."outcome" in ('plan_started', 'referred', 'advice_only', 'closed')),
	CONSTRAINT "request_outcome_when_answered" CHECK (("request"."status" = 'answered') = ("request"."outcome" is not null)),
	CONSTRAINT "request_due_after_receipt" CHECK ("request"."due_on" >= "request"."received_on"),
	CONSTRAINT "request_first_contact_after_receipt" CHECK ("request"."first_contact_on" is null or "request"."first_contact_on" >= "request"."received_on"),
	CONSTRAINT "request_answered_after_receipt" CHECK ("request"."answered_on" is null or "request"."answered_on" >= "request"."received_on")
);
--> statement-breakpoint
CREATE TABLE "family_visit" (
	"person_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_visit_person_id_family_id_pk" PRIMARY KEY("person_id","family_id")
);
--> statement-breakpoint
CREATE TABLE "journal_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"author_organisation_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"body" text NOT NULL,
	"disclosure" text DEFAULT 'normal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "journal_note_visibility_valid" CHECK ("journal_note"."visibility" in ('team', 'organisation')),
	CONSTRAINT "journal_note_disclosure_valid" CHECK ("journal_note"."disclosure" in ('normal', 'confidential', 'third_party', 'court', 'agogic_exception', 'youth_own'))
);
--> statement-breakpoint
CREATE TABLE "life_domain" (
	"code" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "life_domain_code_format" CHECK ("life_domain"."code" ~ '^[a-z][a-z0-9_]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE "network_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"role_in_plan" text,
	"contact" text,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"next_evaluation_on" date,
	"family_agreed_version" integer,
	"family_agreed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_action" (
	"family_id" uuid NOT NULL,
	"action_key" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_person_id" uuid,
	"owner_member_id" uuid,
	"owner_network_person_id" uuid,
	"due_on" date,
	"status" text NOT NULL,
	CONSTRAINT "plan_action_family_id_action_key_pk" PRIMARY KEY("family_id","action_key"),
	CONSTRAINT "plan_action_status_valid" CHECK ("plan_action"."status" in ('planned', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "plan_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"based_on" integer NOT NULL,
	"author_person_id" uuid,
	"author_member_id" uuid,
	"summary" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_version_based_on" CHECK ("plan_version"."based_on" = "plan_version"."number" - 1)
);
--> statement-breakpoint
CREATE TABLE "request_reminder" (
	"request_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_reminder_request_id_days_before_pk" PRIMARY KEY("request_id","days_before")
);
--> statement-breakpoint
CREATE TABLE "team_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text,
	"from_at" timestamp with time zone NOT NULL,
	"until_at" timestamp with time zone,
	"added_by" uuid,
	CONSTRAINT "team_member_period" CHECK ("team_member"."until_at" is null or "team_member"."until_at" >= "team_member"."from_at")
);
--> statement-breakpoint
CREATE TABLE "wait" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"service_text" text NOT NULL,
	"service_id" uuid,
	"organisation_id" uuid,
	"since_on" date NOT NULL,
	"expected_start_on" date,
	"status" text DEFAULT 'waiting' NOT NULL,
	"ended_on" date,
	"disclosure" text DEFAULT 'normal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "wait_status_valid" CHECK ("wait"."status" in ('waiting', 'started', 'refused', 'cancelled')),
	CONSTRAINT "wait_expected_after_since" CHECK ("wait"."expected_start_on" is null or "wait"."expected_start_on" >= "wait"."since_on"),
	CONSTRAINT "wait_ended_after_since" CHECK ("wait"."ended_on" is null or "wait"."ended_on" >= "wait"."since_on"),
	CONSTRAINT "wait_disclosure_valid" CHECK ("wait"."disclosure" in ('normal', 'confidential', 'third_party', 'court', 'agogic_exception', 'youth_own'))
);
--> statement-breakpoint
ALTER TABLE "atelier" ADD CONSTRAINT "atelier_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier" ADD CONSTRAINT "atelier_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocked_signal" ADD CONSTRAINT "blocked_signal_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocked_signal" ADD CONSTRAINT "blocked_signal_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocked_signal" ADD CONSTRAINT "blocked_signal_raised_by_person_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocked_signal" ADD CONSTRAINT "blocked_signal_resolved_by_person_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocked_signal" ADD CONSTRAINT "blocked_signal_escalated_by_person_id_fk" FOREIGN KEY ("escalated_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_help" ADD CONSTRAINT "bridging_help_wait_id_wait_id_fk" FOREIGN KEY ("wait_id") REFERENCES "public"."wait"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_help" ADD CONSTRAINT "bridging_help_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_help" ADD CONSTRAINT "bridging_help_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_atelier_id_atelier_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."atelier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_subject_member_id_family_member_id_fk" FOREIGN KEY ("subject_member_id") REFERENCES "public"."family_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_given_by_member_id_family_member_id_fk" FOREIGN KEY ("given_by_member_id") REFERENCES "public"."family_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawn_by_member_id_family_member_id_fk" FOREIGN KEY ("withdrawn_by_member_id") REFERENCES "public"."family_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawn_by_person_id_person_id_fk" FOREIGN KEY ("withdrawn_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignment" ADD CONSTRAINT "contact_assignment_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignment" ADD CONSTRAINT "contact_assignment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignment" ADD CONSTRAINT "contact_assignment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignment" ADD CONSTRAINT "contact_assignment_assigned_by_person_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family" ADD CONSTRAINT "family_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family" ADD CONSTRAINT "family_municipality_nis_municipality_nis_code_fk" FOREIGN KEY ("municipality_nis") REFERENCES "public"."municipality"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_member" ADD CONSTRAINT "family_member_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_municipality_nis_municipality_nis_code_fk" FOREIGN KEY ("municipality_nis") REFERENCES "public"."municipality"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_registered_by_person_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_visit" ADD CONSTRAINT "family_visit_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_visit" ADD CONSTRAINT "family_visit_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_note" ADD CONSTRAINT "journal_note_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_note" ADD CONSTRAINT "journal_note_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_note" ADD CONSTRAINT "journal_note_author_organisation_id_organisation_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_person" ADD CONSTRAINT "network_person_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_owner_member_id_family_member_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."family_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_owner_network_person_id_network_person_id_fk" FOREIGN KEY ("owner_network_person_id") REFERENCES "public"."network_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_author_member_id_family_member_id_fk" FOREIGN KEY ("author_member_id") REFERENCES "public"."family_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_reminder" ADD CONSTRAINT "request_reminder_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_added_by_person_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait" ADD CONSTRAINT "wait_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait" ADD CONSTRAINT "wait_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "atelier_family_idx" ON "atelier" USING btree ("family_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "blocked_signal_open_rule_key" ON "blocked_signal" USING btree ("family_id","rule") WHERE "blocked_signal"."resolved_at" is null and "blocked_signal"."rule" is not null;--> statement-breakpoint
CREATE INDEX "blocked_signal_region_open_idx" ON "blocked_signal" USING btree ("region_id","raised_at") WHERE "blocked_signal"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "blocked_signal_family_idx" ON "blocked_signal" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "bridging_help_wait_idx" ON "bridging_help" USING btree ("wait_id");--> statement-breakpoint
CREATE INDEX "commitment_atelier_idx" ON "commitment" USING btree ("atelier_id");--> statement-breakpoint
CREATE INDEX "commitment_owner_open_idx" ON "commitment" USING btree ("owner_person_id","due_on") WHERE "commitment"."status" = 'open';--> statement-breakpoint
CREATE INDEX "consent_family_org_idx" ON "consent" USING btree ("family_id","organisation_id") WHERE "consent"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "consent_family_idx" ON "consent" USING btree ("family_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_assignment_one_open_key" ON "contact_assignment" USING btree ("family_id") WHERE "contact_assignment"."until_at" is null;--> statement-breakpoint
CREATE INDEX "contact_assignment_person_open_idx" ON "contact_assignment" USING btree ("person_id","family_id") WHERE "contact_assignment"."until_at" is null;--> statement-breakpoint
CREATE INDEX "contact_assignment_family_idx" ON "contact_assignment" USING btree ("family_id","from_at");--> statement-breakpoint
CREATE UNIQUE INDEX "family_pseudonym_key" ON "family" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "family_region_idx" ON "family" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "family_name_sort_idx" ON "family" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "family_member_family_idx" ON "family_member" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "request_open_region_due_idx" ON "request" USING btree ("region_id","due_on","id") WHERE "request"."status" <> 'answered';--> statement-breakpoint
CREATE INDEX "request_region_received_idx" ON "request" USING btree ("region_id","received_on","id");--> statement-breakpoint
CREATE INDEX "request_family_idx" ON "request" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "journal_note_family_idx" ON "journal_note" USING btree ("family_id","created_at","id");--> statement-breakpoint
CREATE INDEX "network_person_family_idx" ON "network_person" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_family_key" ON "plan" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "plan_next_evaluation_idx" ON "plan" USING btree ("next_evaluation_on");--> statement-breakpoint
CREATE INDEX "plan_action_owner_due_idx" ON "plan_action" USING btree ("owner_person_id","due_on") WHERE "plan_action"."status" in ('planned', 'in_progress');--> statement-breakpoint
CREATE UNIQUE INDEX "plan_version_number_key" ON "plan_version" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "team_member_one_open_key" ON "team_member" USING btree ("family_id","person_id") WHERE "team_member"."until_at" is null;--> statement-breakpoint
CREATE INDEX "team_member_person_open_idx" ON "team_member" USING btree ("person_id","family_id") WHERE "team_member"."until_at" is null;--> statement-breakpoint
CREATE INDEX "team_member_family_idx" ON "team_member" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "wait_family_idx" ON "wait" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "wait_open_since_idx" ON "wait" USING btree ("since_on") WHERE "wait"."status" = 'waiting';--> statement-breakpoint
-- Default life domains (levensdomeinen); the list is configurable afterwards.
INSERT INTO "life_domain" ("code", "name_nl", "name_en", "position") VALUES
  ('parenting', 'Opvoeding en gezin', 'Parenting and family', 10),
  ('physical_health', 'Lichamelijke gezondheid', 'Physical health', 20),
  ('mental_wellbeing', 'Psychisch welbevinden', 'Mental wellbeing', 30),
  ('school', 'Onderwijs en school', 'Education and school', 40),
  ('leisure', 'Vrije tijd', 'Leisure', 50),
  ('housing', 'Wonen', 'Housing', 60),
  ('finances', 'Financiën', 'Finances', 70),
  ('work', 'Werk en dagbesteding', 'Work and daytime activities', 80),
  ('social_network', 'Sociaal netwerk', 'Social network', 90),
  ('safety', 'Veiligheid', 'Safety', 100),
  ('justice', 'Justitie', 'Justice', 110)
ON CONFLICT ("code") DO NOTHING;
