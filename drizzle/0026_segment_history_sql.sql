-- Issue #13: a client's segment over time. Every insert of a client and every change of its
-- segment writes a row, whatever path made it (intake, import, sync API, seeding): the first
-- from the benefit start, a change from the day it was made (Amsterdam), never before the start.
CREATE FUNCTION segment_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO segment_history (client_id, valid_from, segment)
	SELECT id, benefit_start, segment FROM new_clients
	ON CONFLICT (client_id, valid_from) DO UPDATE SET segment = excluded.segment;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Once per statement: a bulk insert of thousands of clients writes their history in one go.
CREATE TRIGGER client_segment_history_insert AFTER INSERT ON client
	REFERENCING NEW TABLE AS new_clients
	FOR EACH STATEMENT EXECUTE FUNCTION segment_history_insert();
--> statement-breakpoint
CREATE FUNCTION segment_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO segment_history (client_id, valid_from, segment)
	VALUES (NEW.id, greatest(NEW.benefit_start, (now() AT TIME ZONE 'Europe/Amsterdam')::date), NEW.segment)
	ON CONFLICT (client_id, valid_from) DO UPDATE SET segment = excluded.segment, recorded_at = now();
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER client_segment_history_change AFTER UPDATE OF segment ON client
	FOR EACH ROW WHEN (OLD.segment IS DISTINCT FROM NEW.segment)
	EXECUTE FUNCTION segment_history_change();
--> statement-breakpoint
-- What is known of existing clients: their current segment since their benefit start.
INSERT INTO segment_history (client_id, valid_from, segment)
SELECT id, benefit_start, segment FROM client
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The report's split counts get a split per survey trigger, and the language groups become
-- every language the app offers (was nl, en, ar and "other"): recounted from survey_tally.
DELETE FROM survey_tally_split WHERE split = 'language';
--> statement-breakpoint
INSERT INTO survey_tally_split (quarter, gemeente_id, split, category, item, value, count)
SELECT t.quarter, t.gemeente_id, s.split, s.category, t.item, t.value, sum(t.count)::int
FROM survey_tally t CROSS JOIN LATERAL (VALUES
	('language', CASE WHEN t.language IN ('nl', 'en', 'ar', 'fa', 'prs', 'ti', 'tr', 'uk', 'so')
		THEN t.language ELSE 'other' END),
	('trigger', t.trigger)) s (split, category)
GROUP BY 1, 2, 3, 4, 5, 6;
