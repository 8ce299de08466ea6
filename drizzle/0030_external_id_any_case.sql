DROP INDEX "appointment_external_idx";--> statement-breakpoint
DROP INDEX "instrument_use_external_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_external_idx" ON "appointment" USING btree (lower("external_id"));--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_use_external_idx" ON "instrument_use" USING btree (lower("external_id"));