-- The audit trail is evidence (GDPR Art. 30/32, HIPAA 164.312(b)): the database itself, not
-- the app, keeps it append-only and tamper-evident, so a bug or a stolen app credential
-- cannot quietly rewrite it.
--
-- Each event's hash is SHA-256 of the previous event's hash in the same clinic and this
-- event's own fields, so changing or removing any event breaks the chain from that point
-- (db/queries/audit.ts verifyAuditChain finds where). sha256() is built in from
-- PostgreSQL 11 and in PGlite, so no extension is needed.

CREATE FUNCTION audit_event_digest(prev bytea, e audit_events) RETURNS bytea
LANGUAGE sql STABLE AS $$
  SELECT sha256(coalesce(prev, ''::bytea) || convert_to(jsonb_build_array(
    e.id, e.clinic_id, e.chain_seq, e.actor_id, e.action, e.object_type, e.object_id, e.ip, e.detail,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text, 'UTF8'))
$$;
--> statement-breakpoint

-- Events written before this migration join the chain in id order.
DO $$
DECLARE
  r record;
  prev bytea;
  seq bigint;
  current_clinic text := '(start)';
BEGIN
  FOR r IN SELECT id, clinic_id FROM audit_events ORDER BY clinic_id NULLS FIRST, id LOOP
    IF coalesce(r.clinic_id::text, '') IS DISTINCT FROM current_clinic THEN
      current_clinic := coalesce(r.clinic_id::text, '');
      prev := NULL;
      seq := 0;
    END IF;
    seq := seq + 1;
    UPDATE audit_events SET chain_seq = seq WHERE id = r.id;
    UPDATE audit_events e SET prev_hash = prev, hash = audit_event_digest(prev, e) WHERE id = r.id RETURNING e.hash INTO prev;
  END LOOP;
END $$;
--> statement-breakpoint

-- One writer per clinic chain at a time: the advisory lock (held to the end of the
-- transaction) makes concurrent inserts queue, so each sees the one before it and the
-- chain cannot fork. The unique index on (clinic_id, chain_seq) refuses a fork even if
-- something ever slipped past the lock (a REPEATABLE READ writer, say).
CREATE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(20816, hashtext(coalesce(NEW.clinic_id::text, 'no clinic')));
  IF NEW.clinic_id IS NULL THEN
    SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_events
      WHERE clinic_id IS NULL ORDER BY chain_seq DESC NULLS LAST LIMIT 1;
  ELSE
    SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_events
      WHERE clinic_id = NEW.clinic_id ORDER BY chain_seq DESC NULLS LAST LIMIT 1;
  END IF;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_event_digest(last_hash, NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint

CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint

-- UPDATE, DELETE and TRUNCATE are refused for everyone, the app included. TRUNCATE too,
-- because emptying the table would leave a chain that verifies (an empty one). Erasing a
-- patient writes a tombstone event; it never edits earlier ones. Only a superuser can get
-- past this (ALTER TABLE ... DISABLE TRIGGER or session_replication_role), which is what
-- the chain is there to reveal.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
