-- Issue #13: exemptions (ontheffingen) and plan review dates over time, written like
-- segment_history (0026) by triggers, so intake, import, the sync API, the klantmanager's
-- screens and seeding all record them. The first row of a client from its benefit start, of a
-- plan from the earlier of its client's benefit start and the day it was made; a change from
-- the day it was made (Amsterdam), never before the latest row, so the newest value wins.
CREATE FUNCTION exemption_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO exemption_history (client_id, valid_from, reason, review_date)
	SELECT id, benefit_start, exemption_reason, exemption_review_date FROM new_clients
	ON CONFLICT (client_id, valid_from) DO UPDATE
		SET reason = excluded.reason, review_date = excluded.review_date;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Once per statement: a bulk insert of thousands of clients writes their history in one go.
CREATE TRIGGER client_exemption_history_insert AFTER INSERT ON client
	REFERENCING NEW TABLE AS new_clients
	FOR EACH STATEMENT EXECUTE FUNCTION exemption_history_insert();
--> statement-breakpoint
CREATE FUNCTION exemption_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO exemption_history (client_id, valid_from, reason, review_date)
	VALUES (NEW.id, greatest(NEW.benefit_start, (now() AT TIME ZONE 'Europe/Amsterdam')::date,
		(SELECT max(h.valid_from) FROM exemption_history h WHERE h.client_id = NEW.id)),
		NEW.exemption_reason, NEW.exemption_review_date)
	ON CONFLICT (client_id, valid_from) DO UPDATE
		SET reason = excluded.reason, review_date = excluded.review_date, recorded_at = now();
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER client_exemption_history_change
	AFTER UPDATE OF exemption_reason, exemption_review_date ON client
	FOR EACH ROW WHEN (OLD.exemption_reason IS DISTINCT FROM NEW.exemption_reason
		OR OLD.exemption_review_date IS DISTINCT FROM NEW.exemption_review_date)
	EXECUTE FUNCTION exemption_history_change();
--> statement-breakpoint
CREATE FUNCTION plan_review_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO plan_review_history (plan_id, valid_from, review_date)
	SELECT p.id, least(c.benefit_start, (p.created_at AT TIME ZONE 'Europe/Amsterdam')::date),
		p.review_date
	FROM new_plans p JOIN client c ON c.id = p.client_id
	ON CONFLICT (plan_id, valid_from) DO UPDATE SET review_date = excluded.review_date;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_review_history_insert AFTER INSERT ON plan
	REFERENCING NEW TABLE AS new_plans
	FOR EACH STATEMENT EXECUTE FUNCTION plan_review_history_insert();
--> statement-breakpoint
CREATE FUNCTION plan_review_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO plan_review_history (plan_id, valid_from, review_date)
	VALUES (NEW.id, greatest((now() AT TIME ZONE 'Europe/Amsterdam')::date,
		(SELECT max(h.valid_from) FROM plan_review_history h WHERE h.plan_id = NEW.id)),
		NEW.review_date)
	ON CONFLICT (plan_id, valid_from) DO UPDATE
		SET review_date = excluded.review_date, recorded_at = now();
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_review_history_change AFTER UPDATE OF review_date ON plan
	FOR EACH ROW WHEN (OLD.review_date IS DISTINCT FROM NEW.review_date)
	EXECUTE FUNCTION plan_review_history_change();
--> statement-breakpoint
-- What is known of existing clients and plans: their current values since the start.
INSERT INTO exemption_history (client_id, valid_from, reason, review_date)
SELECT id, benefit_start, exemption_reason, exemption_review_date FROM client
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO plan_review_history (plan_id, valid_from, review_date)
SELECT p.id, least(c.benefit_start, (p.created_at AT TIME ZONE 'Europe/Amsterdam')::date), p.review_date
FROM plan p JOIN client c ON c.id = p.client_id
ON CONFLICT DO NOTHING;
