-- Honest status (issue 17): a text is "checked" only when a named person checked it. The seed
-- used to store every Dutch text as checked with no checker; those become concept again.
UPDATE "topic_text" SET "status" = 'concept', "checked_at" = NULL
	WHERE "status" = 'checked' AND "checked_by" IS NULL;
--> statement-breakpoint
UPDATE "instrument_text" SET "status" = 'concept', "checked_at" = NULL
	WHERE "status" = 'checked' AND "checked_by" IS NULL;
