CREATE TABLE "report_snapshot" (
	"quarter" text NOT NULL,
	"period" text NOT NULL,
	"selection" text NOT NULL,
	"report" jsonb NOT NULL,
	"published_on" date NOT NULL,
	CONSTRAINT "report_snapshot_quarter_period_selection_pk" PRIMARY KEY("quarter","period","selection")
);
--> statement-breakpoint
CREATE TABLE "survey_answer_held" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"segment" text,
	"instrument_id" uuid,
	"trigger" text NOT NULL,
	"language" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"open" text,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idempotency" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_answer_held" ADD CONSTRAINT "survey_answer_held_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_held" ADD CONSTRAINT "survey_answer_held_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_held" ADD CONSTRAINT "survey_answer_held_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE no action ON UPDATE no action;