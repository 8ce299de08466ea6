-- Security (#14): audit retention. The log stays append-only for the application; the one
-- delete let through is the retention job's, which sets `wegwijs.audit_retention_before` for its
-- own transaction only (set_config(..., true)) and may then delete rows older than that moment.
-- Any other DELETE, UPDATE or TRUNCATE is refused as before; so is a retention delete of a row
-- newer than the moment it named.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
DECLARE
	retention_before text := current_setting('wegwijs.audit_retention_before', true);
BEGIN
	IF TG_OP = 'UPDATE'
		AND OLD.client_id IS NOT NULL AND NEW.client_id IS NULL
		AND NEW.id = OLD.id AND NEW.at = OLD.at
		AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
		AND NEW.action = OLD.action
		AND NEW.detail IS NOT DISTINCT FROM OLD.detail THEN
		RETURN NEW;
	END IF;
	IF TG_OP = 'DELETE' AND retention_before IS NOT NULL AND retention_before <> ''
		AND OLD.at < retention_before::timestamptz THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END
$$ LANGUAGE plpgsql;
