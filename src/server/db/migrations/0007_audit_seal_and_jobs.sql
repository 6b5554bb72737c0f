CREATE TABLE "audit_seal" (
	"position" bigint PRIMARY KEY NOT NULL,
	"event_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"watermark" "xid8" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"queue" text NOT NULL,
	"data" jsonb,
	"state" text DEFAULT 'created' NOT NULL,
	"singleton_key" text,
	"start_after" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"retry_limit" integer DEFAULT 2 NOT NULL,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"retry_delay_seconds" integer DEFAULT 5 NOT NULL,
	"expire_seconds" integer DEFAULT 900 NOT NULL,
	"started_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	CONSTRAINT "job_state_valid" CHECK ("job"."state" in ('created', 'active', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seal_event_key" ON "audit_seal" USING btree ("event_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "job_singleton_key" ON "job" USING btree ("queue","state","singleton_key") WHERE "job"."singleton_key" is not null and "job"."state" in ('created', 'active');--> statement-breakpoint
CREATE INDEX "job_due_idx" ON "job" USING btree ("queue","start_after") WHERE "job"."state" = 'created';--> statement-breakpoint
CREATE INDEX "job_active_idx" ON "job" USING btree ("started_at") WHERE "job"."state" = 'active';--> statement-breakpoint
ALTER TABLE "audit_event" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_event" DROP COLUMN "hash";--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_event_tx_idx" ON "audit_event" USING btree ("tx");--> statement-breakpoint
-- audit_seal is append-only like audit_event: the chain can only grow.
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM PUBLIC;
--> statement-breakpoint
-- The app role may read and append the chain, never change it (see 0006 for audit_event).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samenplan_app') THEN
    GRANT SELECT, INSERT ON audit_seal TO samenplan_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM samenplan_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON job TO samenplan_app;
  END IF;
END
$$;
