CREATE TABLE "survey_tally_split" (
	"quarter" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"split" text NOT NULL,
	"category" text NOT NULL,
	"item" text NOT NULL,
	"value" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "survey_tally_split_quarter_municipality_id_split_category_item_value_pk" PRIMARY KEY("quarter","municipality_id","split","category","item","value")
);
--> statement-breakpoint
ALTER TABLE "survey_tally_split" ADD CONSTRAINT "survey_tally_split_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Existing answers: the split counts from the running tally (the same as rebuildTally does).
INSERT INTO "survey_tally_split" ("quarter", "municipality_id", "split", "category", "item", "value", "count")
SELECT t."quarter", t."municipality_id", s."split", s."category", t."item", t."value", sum(t."count")::int
FROM "survey_tally" t CROSS JOIN LATERAL (VALUES
	('segment', coalesce(t."segment", 'none')),
	('language', CASE WHEN t."language" IN ('nl', 'en', 'ar') THEN t."language" ELSE 'other' END),
	('instrument', coalesce(t."instrument_id"::text, 'none'))
) AS s("split", "category")
GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
CREATE INDEX "client_benefit_start_idx" ON "client" USING btree ("benefit_start");--> statement-breakpoint
CREATE INDEX "instrument_use_end_idx" ON "instrument_use" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "outflow_date_idx" ON "outflow" USING btree ("date");