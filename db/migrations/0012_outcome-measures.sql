CREATE TYPE "public"."scoring_rule" AS ENUM('sum', 'mean', 'percent');--> statement-breakpoint
CREATE TABLE "outcome_measures" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"rule" "scoring_rule" NOT NULL,
	"definition" jsonb NOT NULL,
	"questionnaire" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "outcome_measures_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "outcome_schedules" (
	"clinic_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"at_start" boolean DEFAULT false NOT NULL,
	"every_weeks" integer,
	"at_review" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_schedules_clinic_id_programme_id_measure_pk" PRIMARY KEY("clinic_id","programme_id","measure"),
	CONSTRAINT "outcome_schedules_every_weeks" CHECK ("outcome_schedules"."every_weeks" is null or "outcome_schedules"."every_weeks" between 1 and 12),
	CONSTRAINT "outcome_schedules_some_time" CHECK ("outcome_schedules"."at_start" or "outcome_schedules"."at_review" or "outcome_schedules"."every_weeks" is not null)
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"link_id" uuid,
	"measure" text NOT NULL,
	"title" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"answers" jsonb NOT NULL,
	"score" double precision,
	"rule" "scoring_rule" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_responses_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "outcome_measures" ADD CONSTRAINT "outcome_measures_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_schedules" ADD CONSTRAINT "outcome_schedules_clinic_id_programme_id_programmes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","programme_id") REFERENCES "public"."programmes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_clinic_id_programme_id_version_programme_versions_clinic_id_programme_id_version_fk" FOREIGN KEY ("clinic_id","programme_id","version") REFERENCES "public"."programme_versions"("clinic_id","programme_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_idempotency_key" ON "questionnaire_responses" USING btree ("clinic_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_patient_idx" ON "questionnaire_responses" USING btree ("clinic_id","patient_id","answered_at");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_programme_idx" ON "questionnaire_responses" USING btree ("clinic_id","programme_id","measure","answered_at");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_link_idx" ON "questionnaire_responses" USING btree ("clinic_id","link_id","version","answered_at");