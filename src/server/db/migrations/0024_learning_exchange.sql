CREATE TABLE "learning_exchange_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sector_code" text NOT NULL,
	"team" text NOT NULL,
	"description" text NOT NULL,
	"dates" date[] NOT NULL,
	"visitors_per_day" integer NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "learning_exchange_offer_status_valid" CHECK ("learning_exchange_offer"."status" in ('published', 'withdrawn')),
	CONSTRAINT "learning_exchange_offer_visitors_valid" CHECK ("learning_exchange_offer"."visitors_per_day" >= 1)
);
--> statement-breakpoint
CREATE TABLE "learning_exchange_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"host_organisation_id" uuid NOT NULL,
	"host_sector_code" text NOT NULL,
	"visitor_person_id" uuid NOT NULL,
	"visitor_organisation_id" uuid NOT NULL,
	"visitor_sector_code" text,
	"day" date NOT NULL,
	"proposed_day" date,
	"motivation" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"visitor_reflection" text,
	"host_reflection" text,
	"host_reflection_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "learning_exchange_request_status_valid" CHECK ("learning_exchange_request"."status" in ('requested', 'proposed', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "learning_exchange_request_proposal" CHECK ("learning_exchange_request"."status" <> 'proposed' or "learning_exchange_request"."proposed_day" is not null)
);
--> statement-breakpoint
ALTER TABLE "learning_exchange_offer" ADD CONSTRAINT "learning_exchange_offer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_exchange_offer" ADD CONSTRAINT "learning_exchange_offer_sector_code_sector_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."sector"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_exchange_offer" ADD CONSTRAINT "learning_exchange_offer_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_exchange_request" ADD CONSTRAINT "learning_exchange_request_offer_id_learning_exchange_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."learning_exchange_offer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_exchange_request" ADD CONSTRAINT "learning_exchange_request_host_organisation_id_organisation_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_exchange_request" ADD CONSTRAINT "learning_exchange_request_visitor_person_id_person_id_fk" FOREIGN KEY ("visitor_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_exchange_request" ADD CONSTRAINT "learning_exchange_request_visitor_organisation_id_organisation_id_fk" FOREIGN KEY ("visitor_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_exchange_request" ADD CONSTRAINT "learning_exchange_request_host_reflection_by_person_id_fk" FOREIGN KEY ("host_reflection_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_exchange_offer_list_idx" ON "learning_exchange_offer" USING btree ("status","sector_code");--> statement-breakpoint
CREATE INDEX "learning_exchange_offer_org_idx" ON "learning_exchange_offer" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "learning_exchange_request_day_idx" ON "learning_exchange_request" USING btree ("offer_id","day","status");--> statement-breakpoint
CREATE INDEX "learning_exchange_request_visitor_idx" ON "learning_exchange_request" USING btree ("visitor_person_id","created_at");--> statement-breakpoint
CREATE INDEX "learning_exchange_request_host_idx" ON "learning_exchange_request" USING btree ("host_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "learning_exchange_request_matrix_idx" ON "learning_exchange_request" USING btree ("status","day");