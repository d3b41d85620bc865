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
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_clinic_id_programme_id_programmes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","programme_id") REFERENCES "public"."programmes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_settings_on_idx" ON "reminder_settings" USING btree ("send_at_minute") WHERE "reminder_settings"."send_at_minute" is not null;