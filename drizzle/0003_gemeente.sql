-- One word for one concept: the code says "gemeente" everywhere (docs/DOMAIN.md, glossary).
-- Renames the table, its columns and every constraint and index named after it.
ALTER TABLE "municipality" RENAME TO "gemeente";--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name LIKE '%municipality%'
	LOOP
		EXECUTE format('ALTER TABLE %I RENAME COLUMN %I TO %I', r.table_name, r.column_name,
			replace(r.column_name, 'municipality', 'gemeente'));
	END LOOP;
	FOR r IN SELECT c.conname, t.relname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = 'public' AND c.conname LIKE '%municipality%'
	LOOP
		EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', r.relname, r.conname,
			replace(r.conname, 'municipality', 'gemeente'));
	END LOOP;
	FOR r IN SELECT i.relname FROM pg_class i JOIN pg_namespace n ON n.oid = i.relnamespace
		WHERE n.nspname = 'public' AND i.relkind = 'i' AND i.relname LIKE '%municipality%'
	LOOP
		EXECUTE format('ALTER INDEX %I RENAME TO %I', r.relname,
			replace(r.relname, 'municipality', 'gemeente'));
	END LOOP;
END $$;
