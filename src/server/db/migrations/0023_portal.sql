CREATE TABLE "portal_confidant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"youth_member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal_login_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"link_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_objection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal_visit" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"plan_version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "portal_visit_version" CHECK ("portal_visit"."plan_version" >= 0)
);
--> statement-breakpoint
ALTER TABLE "session" DROP CONSTRAINT "session_level_valid";--> statement-breakpoint
ALTER TABLE "account" ADD COLUMN "kind" text DEFAULT 'professional' NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_confidant" ADD CONSTRAINT "portal_confidant_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_confidant" ADD CONSTRAINT "portal_confidant_youth_member_id_family_member_id_fk" FOREIGN KEY ("youth_member_id") REFERENCES "public"."family_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_confidant" ADD CONSTRAINT "portal_confidant_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_login_code" ADD CONSTRAINT "portal_login_code_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_objection" ADD CONSTRAINT "portal_objection_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_objection" ADD CONSTRAINT "portal_objection_member_id_family_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_objection" ADD CONSTRAINT "portal_objection_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_visit" ADD CONSTRAINT "portal_visit_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_confidant_account_open_key" ON "portal_confidant" USING btree ("account_id") WHERE "portal_confidant"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "portal_confidant_youth_idx" ON "portal_confidant" USING btree ("youth_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_login_code_link_key" ON "portal_login_code" USING btree ("link_hash");--> statement-breakpoint
CREATE INDEX "portal_login_code_account_idx" ON "portal_login_code" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_objection_open_key" ON "portal_objection" USING btree ("family_id","member_id","person_id") WHERE "portal_objection"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "portal_objection_family_person_idx" ON "portal_objection" USING btree ("family_id","person_id") WHERE "portal_objection"."withdrawn_at" is null;--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_kind_valid" CHECK ("account"."kind" in ('professional', 'family'));--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_family_no_person" CHECK ("account"."kind" = 'professional' or "account"."person_id" is null);--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_level_valid" CHECK ("session"."level" in ('password', 'full', 'portal'));