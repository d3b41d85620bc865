CREATE TYPE "public"."message_author" AS ENUM('clinician', 'patient');--> statement-breakpoint
CREATE TABLE "programme_messages" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"author" "message_author" NOT NULL,
	"clinician_id" uuid,
	"link_id" uuid,
	"session_log_id" uuid,
	"body" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_messages_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "programme_messages_body" CHECK (length(btrim("programme_messages"."body")) between 1 and 1000),
	CONSTRAINT "programme_messages_author" CHECK (("programme_messages"."author" = 'clinician' and "programme_messages"."clinician_id" is not null) or ("programme_messages"."author" = 'patient' and "programme_messages"."clinician_id" is null))
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"clinic_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"send_at_minute" integer,
	"unsubscribed_at" timestamp with time zone,
	"last_sent_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_settings_clinic_id_programme_id_pk" PRIMARY KEY("clinic_id","programme_id"),
	CONSTRAINT "reminder_settings_minute" CHECK ("reminder_settings"."send_at_minute" is null or "reminder_settings"."send_at_minute" between 480 and 1259)
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "headers" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "programme_messages" ADD CONSTRAINT "programme_messages_clinic_id_programme_id_programmes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","programme_id") REFERENCES "public"."programmes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_messages" ADD CONSTRAINT "programme_messages_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_messages" ADD CONSTRAINT "programme_messages_clinic_id_clinician_id_clinicians_clinic_id_id_fk" FOREIGN KEY ("clinic_id","clinician_id") REFERENCES "public"."clinicians"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_messages" ADD CONSTRAINT "programme_messages_clinic_id_session_log_id_session_logs_clinic_id_id_fk" FOREIGN KEY ("clinic_id","session_log_id") REFERENCES "public"."session_logs"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_clinic_id_programme_id_programmes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","programme_id") REFERENCES "public"."programmes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_messages_idempotency_key" ON "programme_messages" USING btree ("clinic_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "programme_messages_thread_idx" ON "programme_messages" USING btree ("clinic_id","programme_id","created_at","id");--> statement-breakpoint
CREATE INDEX "programme_messages_link_idx" ON "programme_messages" USING btree ("clinic_id","link_id","created_at");--> statement-breakpoint
CREATE INDEX "reminder_settings_on_idx" ON "reminder_settings" USING btree ("send_at_minute") WHERE "reminder_settings"."send_at_minute" is not null;