CREATE TABLE "handout_pdfs" (
	"clinic_id" uuid NOT NULL,
	"digest" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"pdf" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handout_pdfs_clinic_id_digest_pk" PRIMARY KEY("clinic_id","digest")
);
--> statement-breakpoint
ALTER TABLE "handout_pdfs" ADD CONSTRAINT "handout_pdfs_clinic_id_programme_id_programmes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","programme_id") REFERENCES "public"."programmes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handout_pdfs_programme_idx" ON "handout_pdfs" USING btree ("clinic_id","programme_id");--> statement-breakpoint
CREATE INDEX "handout_pdfs_created_idx" ON "handout_pdfs" USING btree ("created_at");