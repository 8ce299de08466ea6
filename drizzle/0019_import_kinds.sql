ALTER TABLE "appointment" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "instrument_use" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_external_idx" ON "appointment" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "client_number_lower_idx" ON "client" USING btree (lower("client_number"));--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_use_external_idx" ON "instrument_use" USING btree ("external_id");