CREATE TABLE "patient_activity" (
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"last_session_at" timestamp with time zone NOT NULL,
	"recent_pains" integer[] NOT NULL,
	CONSTRAINT "patient_activity_clinic_id_patient_id_pk" PRIMARY KEY("clinic_id","patient_id")
);
--> statement-breakpoint
ALTER TABLE "patient_activity" ADD CONSTRAINT "patient_activity_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recomputes the activity of the given patients from their last five sessions. Rows that
-- exist are locked first, so a later statement's recount waits for an earlier one and then
-- sees its sessions (the log route also holds the link's row lock while it writes).
CREATE FUNCTION refresh_patient_activity(clinic_ids uuid[], patient_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM patient_activity a
    WHERE (a.clinic_id, a.patient_id) IN (SELECT * FROM unnest(clinic_ids, patient_ids))
    FOR UPDATE;
  WITH touched AS (
    SELECT DISTINCT c AS clinic_id, p AS patient_id FROM unnest(clinic_ids, patient_ids) AS t(c, p)
  ), latest AS (
    SELECT t.clinic_id, t.patient_id, r.last_at, r.pains
    FROM touched t
    CROSS JOIN LATERAL (
      SELECT max(x.completed_at) AS last_at,
             coalesce(array_agg(x.pain ORDER BY x.completed_at DESC) FILTER (WHERE x.pain IS NOT NULL), '{}') AS pains
      FROM (SELECT s.completed_at, s.pain FROM session_logs s
            WHERE s.clinic_id = t.clinic_id AND s.patient_id = t.patient_id
            ORDER BY s.completed_at DESC LIMIT 5) x
    ) r
  ), gone AS (
    DELETE FROM patient_activity a USING latest l
    WHERE a.clinic_id = l.clinic_id AND a.patient_id = l.patient_id AND l.last_at IS NULL
  )
  INSERT INTO patient_activity (clinic_id, patient_id, last_session_at, recent_pains)
  SELECT clinic_id, patient_id, last_at, pains FROM latest WHERE last_at IS NOT NULL
  ON CONFLICT (clinic_id, patient_id) DO UPDATE
    SET last_session_at = excluded.last_session_at, recent_pains = excluded.recent_pains;
END $$;
--> statement-breakpoint
-- One recount per statement for the patients it touched: a bulk import of 200,000 sessions
-- costs one pass, not 200,000.
CREATE FUNCTION session_logs_refresh_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_patient_activity(array_agg(clinic_id), array_agg(patient_id)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_patient_activity(array_agg(clinic_id), array_agg(patient_id)) FROM old_rows;
  ELSE
    PERFORM refresh_patient_activity(array_agg(clinic_id), array_agg(patient_id))
      FROM (SELECT clinic_id, patient_id FROM old_rows UNION SELECT clinic_id, patient_id FROM new_rows) u;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_logs_activity_insert AFTER INSERT ON session_logs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_logs_refresh_activity();
--> statement-breakpoint
CREATE TRIGGER session_logs_activity_delete AFTER DELETE ON session_logs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION session_logs_refresh_activity();
--> statement-breakpoint
CREATE TRIGGER session_logs_activity_update AFTER UPDATE ON session_logs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_logs_refresh_activity();
--> statement-breakpoint
SELECT refresh_patient_activity(array_agg(clinic_id), array_agg(patient_id))
  FROM (SELECT DISTINCT clinic_id, patient_id FROM session_logs) s;
