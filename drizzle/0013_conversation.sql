CREATE TABLE "message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"author_id" uuid,
	"from_client" boolean NOT NULL,
	"body" text NOT NULL,
	"context_kind" text,
	"context_id" uuid,
	"plan_version" integer,
	"intent" text,
	"reply_to" uuid,
	"read_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stand_in" (
	"klantmanager_id" uuid PRIMARY KEY NOT NULL,
	"stand_in_id" uuid NOT NULL,
	"until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message" ADD CONSTRAINT "message_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message" ADD CONSTRAINT "message_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_in" ADD CONSTRAINT "stand_in_klantmanager_id_user_id_fk" FOREIGN KEY ("klantmanager_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_in" ADD CONSTRAINT "stand_in_stand_in_id_user_id_fk" FOREIGN KEY ("stand_in_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_client_idx" ON "message" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "message_waiting_idx" ON "message" USING btree ("client_id","created_at") WHERE "message"."from_client" and "message"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "message_unread_idx" ON "message" USING btree ("client_id","from_client") WHERE "message"."read_at" is null;--> statement-breakpoint
CREATE INDEX "message_context_idx" ON "message" USING btree ("context_id");--> statement-breakpoint
CREATE INDEX "stand_in_stand_in_idx" ON "stand_in" USING btree ("stand_in_id");