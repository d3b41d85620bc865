CREATE TYPE "public"."exercise_category" AS ENUM('stretch', 'strengthen', 'stabilise', 'mobilise');--> statement-breakpoint
CREATE TYPE "public"."session_difficulty" AS ENUM('too_easy', 'about_right', 'too_hard');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('queued', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."paper_size" AS ENUM('A4', 'LETTER');--> statement-breakpoint
CREATE TYPE "public"."exercise_position" AS ENUM('supine', 'prone', 'side-lying', 'quadruped', 'seated', 'kneeling', 'standing');--> statement-breakpoint
CREATE TYPE "public"."programme_kind" AS ENUM('programme', 'template');--> statement-breakpoint
CREATE TYPE "public"."clinician_role" AS ENUM('owner', 'clinician');--> statement-breakpoint
CREATE TYPE "public"."dosage_sides" AS ENUM('none', 'each', 'alternating');--> statement-breakpoint
CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clinic_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"ip" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinicians" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "clinician_role" DEFAULT 'clinician' NOT NULL,
	"disabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinicians_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"paper_size" "paper_size" DEFAULT 'A4' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"subject_ref" uuid,
	"status" "email_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "email_outbox_no_crlf_headers" CHECK ("email_outbox"."to_address" !~ '[\r\n]' and "email_outbox"."subject" !~ '[\r\n]')
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"purpose" text NOT NULL,
	"category" "exercise_category" NOT NULL,
	"body_region" text NOT NULL,
	"position" "exercise_position" NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_muscles" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"steps" text[] NOT NULL,
	"cues" text[] DEFAULT '{}'::text[] NOT NULL,
	"cautions" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_dosage" jsonb NOT NULL,
	"dosage_decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"variations" jsonb DEFAULT '{"easier":[],"harder":[]}'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pose_slug" text,
	"search_text" text DEFAULT '' NOT NULL,
	"search_detail" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', search_text), 'B') || setweight(to_tsvector('english', search_detail), 'C')) STORED NOT NULL,
	"based_on_id" uuid,
	"created_by" uuid,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_steps_present" CHECK (cardinality("exercises"."steps") > 0)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"role" "clinician_role" DEFAULT 'clinician' NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "patient_links" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"token_ciphertext" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_links_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"date_of_birth" date,
	"notes" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "patients_name_not_blank" CHECK (length(btrim("patients"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_items" (
	"clinic_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"position" integer NOT NULL,
	"exercise_id" uuid NOT NULL,
	"sets" integer NOT NULL,
	"reps" integer NOT NULL,
	"hold_seconds" integer DEFAULT 0 NOT NULL,
	"rest_seconds" integer DEFAULT 0 NOT NULL,
	"sides" "dosage_sides" DEFAULT 'none' NOT NULL,
	"times_per_day" integer DEFAULT 1 NOT NULL,
	"days_per_week" integer DEFAULT 7 NOT NULL,
	"load" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "programme_items_clinic_id_programme_id_version_position_pk" PRIMARY KEY("clinic_id","programme_id","version","position"),
	CONSTRAINT "programme_items_sets" CHECK ("programme_items"."sets" between 1 and 20),
	CONSTRAINT "programme_items_reps" CHECK ("programme_items"."reps" between 1 and 100),
	CONSTRAINT "programme_items_hold" CHECK ("programme_items"."hold_seconds" between 0 and 600),
	CONSTRAINT "programme_items_rest" CHECK ("programme_items"."rest_seconds" between 0 and 600),
	CONSTRAINT "programme_items_times_per_day" CHECK ("programme_items"."times_per_day" between 1 and 6),
	CONSTRAINT "programme_items_days_per_week" CHECK ("programme_items"."days_per_week" between 1 and 7),
	CONSTRAINT "programme_items_position" CHECK ("programme_items"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programme_versions" (
	"clinic_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"patient_note" text DEFAULT '' NOT NULL,
	"start_date" date,
	"review_date" date,
	"change_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_versions_clinic_id_programme_id_version_pk" PRIMARY KEY("clinic_id","programme_id","version"),
	CONSTRAINT "programme_versions_version_positive" CHECK ("programme_versions"."version" >= 1),
	CONSTRAINT "programme_versions_dates" CHECK ("programme_versions"."review_date" is null or "programme_versions"."start_date" is null or "programme_versions"."review_date" >= "programme_versions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "programme_kind" NOT NULL,
	"patient_id" uuid,
	"current_version" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "programmes_kind_patient" CHECK (("programmes"."kind" = 'template' and "programmes"."patient_id" is null) or ("programmes"."kind" = 'programme' and "programmes"."patient_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_logs" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"link_id" uuid,
	"idempotency_key" text NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone NOT NULL,
	"exercises" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pain" integer,
	"difficulty" "session_difficulty",
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_logs_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "session_logs_pain_range" CHECK ("session_logs"."pain" is null or "session_logs"."pain" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "clinicians" ADD CONSTRAINT "clinicians_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_clinic_id_invited_by_clinicians_clinic_id_id_fk" FOREIGN KEY ("clinic_id","invited_by") REFERENCES "public"."clinicians"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_links" ADD CONSTRAINT "patient_links_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_links" ADD CONSTRAINT "patient_links_clinic_id_programme_id_programmes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","programme_id") REFERENCES "public"."programmes"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_clinic_id_programme_id_version_programme_versions_clinic_id_programme_id_version_fk" FOREIGN KEY ("clinic_id","programme_id","version") REFERENCES "public"."programme_versions"("clinic_id","programme_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_clinic_id_programme_id_programmes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","programme_id") REFERENCES "public"."programmes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_clinic_id_programme_id_version_programme_versions_clinic_id_programme_id_version_fk" FOREIGN KEY ("clinic_id","programme_id","version") REFERENCES "public"."programme_versions"("clinic_id","programme_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_clinic_at_idx" ON "audit_events" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_object_idx" ON "audit_events" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clinicians_email_key" ON "clinicians" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "clinicians_id_key" ON "clinicians" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_idempotency_key" ON "email_outbox" USING btree ("clinic_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_subject_idx" ON "email_outbox" USING btree ("clinic_id","subject_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_global_slug_key" ON "exercises" USING btree ("slug") WHERE "exercises"."clinic_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_clinic_slug_key" ON "exercises" USING btree ("clinic_id","slug") WHERE "exercises"."clinic_id" is not null;--> statement-breakpoint
CREATE INDEX "exercises_search_idx" ON "exercises" USING gin ("search");--> statement-breakpoint
CREATE INDEX "exercises_name_trgm_idx" ON "exercises" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "exercises_search_text_trgm_idx" ON "exercises" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "exercises_filter_idx" ON "exercises" USING btree ("category","position");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_links_token_hash_key" ON "patient_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "patient_links_programme_idx" ON "patient_links" USING btree ("clinic_id","programme_id");--> statement-breakpoint
CREATE INDEX "patients_clinic_name_idx" ON "patients" USING btree ("clinic_id",lower("name"));--> statement-breakpoint
CREATE INDEX "patients_name_trgm_idx" ON "patients" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "programme_items_exercise_idx" ON "programme_items" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "programmes_patient_idx" ON "programmes" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "programmes_kind_idx" ON "programmes" USING btree ("clinic_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "session_logs_idempotency_key" ON "session_logs" USING btree ("clinic_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "session_logs_patient_idx" ON "session_logs" USING btree ("clinic_id","patient_id","completed_at");--> statement-breakpoint
CREATE INDEX "session_logs_programme_idx" ON "session_logs" USING btree ("clinic_id","programme_id","completed_at");