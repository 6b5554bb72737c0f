CREATE TABLE "governance_publication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid,
	"plan_id" uuid,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_publication_one_target" CHECK (("governance_publication"."meeting_id" is null) <> ("governance_publication"."plan_id" is null))
);
--> statement-breakpoint
ALTER TABLE "governance_publication" ADD CONSTRAINT "governance_publication_body_id_governance_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_publication" ADD CONSTRAINT "governance_publication_meeting_id_governance_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_publication" ADD CONSTRAINT "governance_publication_plan_id_governance_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."governance_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_publication" ADD CONSTRAINT "governance_publication_published_by_person_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_publication_meeting_key" ON "governance_publication" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_publication_plan_key" ON "governance_publication" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "governance_publication_published_idx" ON "governance_publication" USING btree ("published_at","id");