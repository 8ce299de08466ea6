CREATE TABLE "glossary_entry" (
	"language" text NOT NULL,
	"term" text NOT NULL,
	"label" text NOT NULL,
	"explanation" text NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "glossary_entry_language_term_pk" PRIMARY KEY("language","term")
);
--> statement-breakpoint
CREATE TABLE "topic_version" (
	"topic_id" uuid NOT NULL,
	"language" text NOT NULL,
	"valid_from" date NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"legal_basis" text,
	"status" text DEFAULT 'concept' NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"edited_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_version_topic_id_language_valid_from_pk" PRIMARY KEY("topic_id","language","valid_from")
);
--> statement-breakpoint
ALTER TABLE "topic_version" ADD CONSTRAINT "topic_version_topic_id_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topic"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_version" ADD CONSTRAINT "topic_version_checked_by_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_version" ADD CONSTRAINT "topic_version_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;