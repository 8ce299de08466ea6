DROP INDEX "handhaving_decided_idx";--> statement-breakpoint
ALTER TABLE "handhaving" ADD COLUMN "counted_in_quarter" text;--> statement-breakpoint
-- Issue #13: the report counted every besluit by the quarter of its day until now, so that is
-- the quarter each existing one was (or will be) counted in.
UPDATE "handhaving" SET "counted_in_quarter" =
	extract(year from "decided_on")::int || '-Q' || extract(quarter from "decided_on")::int;--> statement-breakpoint
ALTER TABLE "handhaving" ALTER COLUMN "counted_in_quarter" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "handhaving_counted_idx" ON "handhaving" USING btree ("counted_in_quarter");--> statement-breakpoint
ALTER TABLE "handhaving" ADD CONSTRAINT "handhaving_counted_quarter" CHECK ("handhaving"."counted_in_quarter" ~ '^[0-9]{4}-Q[1-4]$');
