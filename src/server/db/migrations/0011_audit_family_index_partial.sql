DROP INDEX "audit_event_family_idx";--> statement-breakpoint
CREATE INDEX "audit_event_family_idx" ON "audit_event" USING btree ("family_id","seq") WHERE "audit_event"."family_id" is not null;