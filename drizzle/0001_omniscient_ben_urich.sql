CREATE TABLE "survey_tally" (
	"municipality_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"segment" text,
	"instrument_id" uuid,
	"trigger" text NOT NULL,
	"language" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"item" text NOT NULL,
	"value" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "survey_tally_cell_uq" UNIQUE NULLS NOT DISTINCT("quarter","municipality_id","item","value","segment","instrument_id","language","trigger","survey_id")
);
--> statement-breakpoint
CREATE TABLE "survey_tally_quarter" (
	"quarter" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"item" text NOT NULL,
	"value" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "survey_tally_quarter_quarter_municipality_id_item_value_pk" PRIMARY KEY("quarter","municipality_id","item","value")
);
--> statement-breakpoint
ALTER TABLE "survey_tally" ADD CONSTRAINT "survey_tally_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tally" ADD CONSTRAINT "survey_tally_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tally" ADD CONSTRAINT "survey_tally_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tally_quarter" ADD CONSTRAINT "survey_tally_quarter_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;