ALTER TABLE "glossary_entry" ADD COLUMN "checked_by" uuid;--> statement-breakpoint
ALTER TABLE "glossary_entry" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "glossary_entry" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "glossary_entry" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "instrument_text" ADD COLUMN "checked_dienst" text;--> statement-breakpoint
ALTER TABLE "topic_text" ADD COLUMN "checked_dienst" text;--> statement-breakpoint
ALTER TABLE "topic_version" ADD COLUMN "checked_dienst" text;--> statement-breakpoint
ALTER TABLE "glossary_entry" ADD CONSTRAINT "glossary_entry_checked_by_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_entry" ADD CONSTRAINT "glossary_entry_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;