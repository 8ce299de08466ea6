-- Issue #13: what was written before the holding table can no longer be lined up with people.
-- Answered times to the day (Amsterdam): the order of answers within a day says nothing.
UPDATE survey_invitation
SET answered_at = date_trunc('day', answered_at AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam'
WHERE answered_at IS NOT NULL;
--> statement-breakpoint
-- Survey replays kept the person's id next to their answer's outcome.
DELETE FROM idempotency WHERE result ? 'late';
--> statement-breakpoint
-- Rewrite the answers in a random order in this one transaction: every row gets the same
-- transaction id (xmin) and the physical order no longer follows the order of answering.
CREATE TEMP TABLE shuffled_response AS SELECT * FROM survey_response ORDER BY random();
--> statement-breakpoint
DELETE FROM survey_response;
--> statement-breakpoint
INSERT INTO survey_response SELECT * FROM shuffled_response;
--> statement-breakpoint
DROP TABLE shuffled_response;
--> statement-breakpoint
CREATE TEMP TABLE shuffled_open AS SELECT * FROM survey_open_answer ORDER BY random();
--> statement-breakpoint
DELETE FROM survey_open_answer;
--> statement-breakpoint
INSERT INTO survey_open_answer SELECT * FROM shuffled_open;
--> statement-breakpoint
DROP TABLE shuffled_open;
--> statement-breakpoint
UPDATE survey_tally SET count = count;
--> statement-breakpoint
UPDATE survey_tally_quarter SET count = count;
--> statement-breakpoint
UPDATE survey_tally_split SET count = count;
