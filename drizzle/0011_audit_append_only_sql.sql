-- Security (#14): the audit log is append-only for the application. No code path updates or
-- deletes an event; this trigger refuses it in the database too (PostgreSQL and PGlite).
-- The one change let through is the foreign key's own "on delete set null" when a client
-- record is erased: the event stays, only its link to the erased client goes.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'UPDATE'
		AND OLD.client_id IS NOT NULL AND NEW.client_id IS NULL
		AND NEW.id = OLD.id AND NEW.at = OLD.at
		AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
		AND NEW.action = OLD.action
		AND NEW.detail IS NOT DISTINCT FROM OLD.detail THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update_delete
	BEFORE UPDATE OR DELETE ON audit_event
	FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate
	BEFORE TRUNCATE ON audit_event
	FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
