CREATE TABLE "exemption_history" (
	"client_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"reason" text,
	"review_date" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exemption_history_client_id_valid_from_pk" PRIMARY KEY("client_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "plan_review_history" (
	"plan_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"review_date" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_review_history_plan_id_valid_from_pk" PRIMARY KEY("plan_id","valid_from")
);
--> statement-breakpoint
ALTER TABLE "exemption_history" ADD CONSTRAINT "exemption_history_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review_history" ADD CONSTRAINT "plan_review_history_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exemption_history_valid_from_idx" ON "exemption_history" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "plan_review_history_valid_from_idx" ON "plan_review_history" USING btree ("valid_from");