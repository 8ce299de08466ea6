CREATE TABLE "handhaving" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"ground" text,
	"percentage" smallint,
	"period_start" date,
	"period_end" date,
	"amount_cents" integer,
	"reason" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	"withdrawn_by" uuid,
	CONSTRAINT "handhaving_kind_fields" CHECK (("handhaving"."kind" = 'maatregel' and "handhaving"."ground" is not null
				and "handhaving"."ground" in ('arbeid', 'verplichtingen', 'verantwoordelijkheid')
				and "handhaving"."percentage" is not null and "handhaving"."percentage" between 0 and 100
				and "handhaving"."period_start" is not null and "handhaving"."period_end" is not null
				and "handhaving"."period_end" >= "handhaving"."period_start" and "handhaving"."amount_cents" is null)
			or ("handhaving"."kind" in ('boete', 'terugvordering') and "handhaving"."amount_cents" is not null
				and "handhaving"."amount_cents" > 0 and "handhaving"."ground" is null and "handhaving"."percentage" is null
				and "handhaving"."period_start" is null and "handhaving"."period_end" is null))
);
--> statement-breakpoint
ALTER TABLE "handhaving" ADD CONSTRAINT "handhaving_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handhaving" ADD CONSTRAINT "handhaving_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handhaving" ADD CONSTRAINT "handhaving_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handhaving" ADD CONSTRAINT "handhaving_withdrawn_by_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handhaving_client_idx" ON "handhaving" USING btree ("client_id","decided_on");--> statement-breakpoint
CREATE INDEX "handhaving_decided_idx" ON "handhaving" USING btree ("decided_on");