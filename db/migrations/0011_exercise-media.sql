CREATE TYPE "public"."media_kind" AS ENUM('photo', 'video');--> statement-breakpoint
CREATE TABLE "exercise_media" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"kind" "media_kind" NOT NULL,
	"alt_text" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" bigint NOT NULL,
	"width" integer,
	"height" integer,
	"duration_ms" integer,
	"variants" jsonb NOT NULL,
	"patient_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_media_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "exercise_media_alt_text_length" CHECK (length(btrim("exercise_media"."alt_text")) between 3 and 200),
	CONSTRAINT "exercise_media_sha256_hex" CHECK ("exercise_media"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "exercise_media_video_length" CHECK ("exercise_media"."kind" <> 'video' or "exercise_media"."duration_ms" between 0 and 60000)
);
--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_media_exercise_idx" ON "exercise_media" USING btree ("clinic_id","exercise_id","created_at");--> statement-breakpoint
CREATE INDEX "exercise_media_patient_idx" ON "exercise_media" USING btree ("clinic_id","patient_id") WHERE "exercise_media"."patient_id" is not null;