-- Every client already in Wegwijs has had at least the period it is in now, and one for every
-- earlier outflow; they count as intake periods (not as re-entries, which start from now on).
INSERT INTO "benefit_period" ("client_id", "start", "source")
SELECT "id", "benefit_start", 'intake' FROM "client"
UNION
SELECT "client_id", "benefit_start", 'intake' FROM "outflow"
ON CONFLICT DO NOTHING;
