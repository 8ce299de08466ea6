CREATE TABLE "content_reviewer" (
	"user_id" uuid NOT NULL,
	"language" text NOT NULL,
	"dienst" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_reviewer_user_id_language_pk" PRIMARY KEY("user_id","language")
);
--> statement-breakpoint
CREATE TABLE "gemeente_content_setting" (
	"gemeente_id" uuid PRIMARY KEY NOT NULL,
	"show_concept" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "instrument_text" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "topic_text" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "content_reviewer" ADD CONSTRAINT "content_reviewer_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reviewer" ADD CONSTRAINT "content_reviewer_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gemeente_content_setting" ADD CONSTRAINT "gemeente_content_setting_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gemeente_content_setting" ADD CONSTRAINT "gemeente_content_setting_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_text" ADD CONSTRAINT "instrument_text_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_text" ADD CONSTRAINT "topic_text_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;