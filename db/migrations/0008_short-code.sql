ALTER TABLE "patient_links" ADD COLUMN "short_code_hash" "bytea";--> statement-breakpoint
CREATE UNIQUE INDEX "patient_links_short_code_hash_key" ON "patient_links" USING btree ("short_code_hash");