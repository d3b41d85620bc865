DROP INDEX "patients_clinic_name_idx";--> statement-breakpoint
DROP INDEX "programmes_kind_idx";--> statement-breakpoint
DROP INDEX "session_logs_patient_idx";--> statement-breakpoint
CREATE INDEX "email_outbox_clinic_created_idx" ON "email_outbox" USING btree ("clinic_id","created_at","id");--> statement-breakpoint
CREATE INDEX "patients_active_name_idx" ON "patients" USING btree ("clinic_id",lower("name"),"id") WHERE "patients"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "patients_archived_name_idx" ON "patients" USING btree ("clinic_id",lower("name"),"id") WHERE "patients"."archived_at" is not null;--> statement-breakpoint
CREATE INDEX "patients_email_trgm_idx" ON "patients" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "session_logs_clinic_completed_idx" ON "session_logs" USING btree ("clinic_id","completed_at");--> statement-breakpoint
CREATE INDEX "programmes_kind_idx" ON "programmes" USING btree ("clinic_id","kind","updated_at","id");--> statement-breakpoint
CREATE INDEX "session_logs_patient_idx" ON "session_logs" USING btree ("clinic_id","patient_id","completed_at","id","pain");