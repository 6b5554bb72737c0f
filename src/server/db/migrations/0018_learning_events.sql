CREATE TABLE "learning_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organiser_organisation_id" uuid,
	"organiser_name" text DEFAULT '' NOT NULL,
	"audience_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"date" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"total_cost_cents" integer DEFAULT 0 NOT NULL,
	"funder" text DEFAULT '' NOT NULL,
	"registration_opens_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "learning_event_kind_valid" CHECK ("learning_event"."kind" in ('network_day', 'training', 'intervision', 'fair', 'webinar')),
	CONSTRAINT "learning_event_status_valid" CHECK ("learning_event"."status" in ('draft', 'published', 'cancelled')),
	CONSTRAINT "learning_event_hours_valid" CHECK ("learning_event"."ends_at" > "learning_event"."starts_at"),
	CONSTRAINT "learning_event_window_valid" CHECK ("learning_event"."registration_closes_at" > "learning_event"."registration_opens_at"),
	CONSTRAINT "learning_event_amounts_valid" CHECK ("learning_event"."fee_cents" >= 0 and "learning_event"."total_cost_cents" >= 0),
	CONSTRAINT "learning_event_organiser_present" CHECK ("learning_event"."organiser_organisation_id" is not null or "learning_event"."organiser_name" <> '')
);
--> statement-breakpoint
CREATE TABLE "learning_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"status" text DEFAULT 'registered' NOT NULL,
	"present" boolean,
	"attendance_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "learning_registration_status_valid" CHECK ("learning_registration"."status" in ('registered', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "learning_seat" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seq" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_seat_status_valid" CHECK ("learning_seat"."status" in ('confirmed', 'waiting', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "learning_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"title" text NOT NULL,
	"room" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "learning_session_kind_valid" CHECK ("learning_session"."kind" in ('plenary', 'parallel')),
	CONSTRAINT "learning_session_hours_valid" CHECK ("learning_session"."ends_at" > "learning_session"."starts_at"),
	CONSTRAINT "learning_session_capacity_valid" CHECK ("learning_session"."capacity" >= 1 and "learning_session"."taken" >= 0 and "learning_session"."taken" <= "learning_session"."capacity")
);
--> statement-breakpoint
ALTER TABLE "learning_event" ADD CONSTRAINT "learning_event_organiser_organisation_id_organisation_id_fk" FOREIGN KEY ("organiser_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_event" ADD CONSTRAINT "learning_event_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_registration" ADD CONSTRAINT "learning_registration_event_id_learning_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_registration" ADD CONSTRAINT "learning_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_registration" ADD CONSTRAINT "learning_registration_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_seat" ADD CONSTRAINT "learning_seat_registration_id_learning_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."learning_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_seat" ADD CONSTRAINT "learning_seat_session_id_learning_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."learning_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_session" ADD CONSTRAINT "learning_session_event_id_learning_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_event_date_idx" ON "learning_event" USING btree ("date","id");--> statement-breakpoint
CREATE INDEX "learning_event_organiser_idx" ON "learning_event" USING btree ("organiser_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_registration_active_key" ON "learning_registration" USING btree ("event_id","person_id") WHERE "learning_registration"."status" = 'registered';--> statement-breakpoint
CREATE INDEX "learning_registration_event_idx" ON "learning_registration" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "learning_registration_person_idx" ON "learning_registration" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_seat_registration_session_key" ON "learning_seat" USING btree ("registration_id","session_id");--> statement-breakpoint
CREATE INDEX "learning_seat_session_idx" ON "learning_seat" USING btree ("session_id","status","seq");--> statement-breakpoint
CREATE INDEX "learning_session_event_idx" ON "learning_session" USING btree ("event_id","starts_at");