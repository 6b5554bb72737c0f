CREATE TABLE "learning_public_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"session_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"registration_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_public_request_role_valid" CHECK ("learning_public_request"."role" in ('parent', 'youth'))
);
--> statement-breakpoint
ALTER TABLE "learning_registration" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_event" ADD COLUMN "public_registration" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_registration" ADD COLUMN "guest_name" text;--> statement-breakpoint
ALTER TABLE "learning_registration" ADD COLUMN "guest_email" text;--> statement-breakpoint
ALTER TABLE "learning_registration" ADD COLUMN "guest_role" text;--> statement-breakpoint
ALTER TABLE "learning_registration" ADD COLUMN "cancel_token_hash" text;--> statement-breakpoint
ALTER TABLE "learning_public_request" ADD CONSTRAINT "learning_public_request_event_id_learning_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_public_request" ADD CONSTRAINT "learning_public_request_registration_id_learning_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."learning_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "learning_public_request_token_key" ON "learning_public_request" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "learning_public_request_event_idx" ON "learning_public_request" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_registration_guest_active_key" ON "learning_registration" USING btree ("event_id",lower("guest_email")) WHERE "learning_registration"."status" = 'registered' and "learning_registration"."guest_email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "learning_registration_cancel_token_key" ON "learning_registration" USING btree ("cancel_token_hash");--> statement-breakpoint
ALTER TABLE "learning_registration" ADD CONSTRAINT "learning_registration_guest_role_valid" CHECK ("learning_registration"."guest_role" is null or "learning_registration"."guest_role" in ('parent', 'youth'));--> statement-breakpoint
ALTER TABLE "learning_registration" ADD CONSTRAINT "learning_registration_who" CHECK ("learning_registration"."person_id" is not null or ("learning_registration"."guest_name" is not null and "learning_registration"."guest_email" is not null and "learning_registration"."guest_role" is not null));