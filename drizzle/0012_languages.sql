CREATE TABLE "plan_text_translation" (
	"source" text NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_text_translation_source_language_pk" PRIMARY KEY("source","language")
);
--> statement-breakpoint
ALTER TABLE "client" ADD COLUMN "latin_name" text;--> statement-breakpoint
ALTER TABLE "client" ADD COLUMN "latin_search_name" text GENERATED ALWAYS AS (btrim(regexp_replace(lower(translate(latin_name, 'àÀáÁâÂãÃäÄåÅāĀăĂąĄǎǍạẠảẢấẤầẦẩẨẫẪậẬắẮằẰẳẲẵẴặẶçÇćĆĉĈċĊčČďĎđĐḍḌèÈéÉêÊëËēĒĕĔėĖęĘěĚẹẸẻẺẽẼếẾềỀểỂễỄệỆĝĜğĞġĠģĢǧǦḥḤĥĤħĦìÌíÍîÎïÏĩĨīĪĭĬįĮıIǐǏịỊỉỈĵĴķĶĺĹļĻľĽŀĿłŁñÑńŃņŅňŇṇṆòÒóÓôÔõÕöÖøØōŌŏŎőŐǒǑọỌỏỎốỐồỒổỔỗỖộỘớỚờỜởỞỡỠợỢŕŔŗŖřŘśŚŝŜşŞšŠșȘṣṢţŢťŤŧŦțȚṭṬùÙúÚûÛüÜũŨūŪŭŬůŮűŰųŲǔǓụỤủỦứỨừỪửỬữỮựỰŵŴýÝÿŸŷŶỳỲỹỸźŹżŻžŽẓẒ-''’‘`ʼ', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaccccccccccddddddeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeegggggggggghhhhhhiiiiiiiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnnnoooooooooooooooooooooooooooooooooooooooooooorrrrrrssssssssssssttttttttttuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuwwyyyyyyyyyyzzzzzzzz ')), '\s+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "search_name" text GENERATED ALWAYS AS (btrim(regexp_replace(lower(translate(display_name, 'àÀáÁâÂãÃäÄåÅāĀăĂąĄǎǍạẠảẢấẤầẦẩẨẫẪậẬắẮằẰẳẲẵẴặẶçÇćĆĉĈċĊčČďĎđĐḍḌèÈéÉêÊëËēĒĕĔėĖęĘěĚẹẸẻẺẽẼếẾềỀểỂễỄệỆĝĜğĞġĠģĢǧǦḥḤĥĤħĦìÌíÍîÎïÏĩĨīĪĭĬįĮıIǐǏịỊỉỈĵĴķĶĺĹļĻľĽŀĿłŁñÑńŃņŅňŇṇṆòÒóÓôÔõÕöÖøØōŌŏŎőŐǒǑọỌỏỎốỐồỒổỔỗỖộỘớỚờỜởỞỡỠợỢŕŔŗŖřŘśŚŝŜşŞšŠșȘṣṢţŢťŤŧŦțȚṭṬùÙúÚûÛüÜũŨūŪŭŬůŮűŰųŲǔǓụỤủỦứỨừỪửỬữỮựỰŵŴýÝÿŸŷŶỳỲỹỸźŹżŻžŽẓẒ-''’‘`ʼ', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaccccccccccddddddeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeegggggggggghhhhhhiiiiiiiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnnnoooooooooooooooooooooooooooooooooooooooooooorrrrrrssssssssssssttttttttttuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuwwyyyyyyyyyyzzzzzzzz ')), '\s+', ' ', 'g'))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_text_translation" ADD CONSTRAINT "plan_text_translation_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;