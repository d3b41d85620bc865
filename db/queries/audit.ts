import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";

/**
 * Awaited inside the caller's transaction, so an event exists exactly when its change
 * does. Never pass passwords, tokens, dates of birth or any patient's name, email or
 * words in `detail`: events outlive an erased patient. The database fills the chain
 * columns (migration 0005_audit-integrity).
 */
export async function recordAudit(
  db: DatabaseOrTransaction,
  event: Omit<AuditEvent, "id" | "at" | "chainSeq" | "prevHash" | "hash">,
): Promise<void> {
  await db.insert(auditEvents).values(event);
}

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: { id: number; chainSeq: number | null; reason: "edited" | "missing_before" } };

const PAGE = 1000;

/**
 * Walks a clinic's audit chain in order and recomputes every hash in the database with
 * the same function the insert trigger used. The first event whose stored hash differs
 * from its recomputed one was edited; the first whose prev_hash or place in the sequence
 * does not follow the event before it has had something removed before it.
 */
export async function verifyAuditChain(db: DatabaseOrTransaction, clinicId: string): Promise<ChainVerdict> {
  let previous: { seq: number; hash: string | null } = { seq: 0, hash: null };
  let events = 0;
  for (;;) {
    const rows = rowsOf<{ id: string | number; seq: string | number | null; prev: string | null; hash: string | null; expected: string }>(
      await db.execute(sql`
        select e.id, e.chain_seq as seq, encode(e.prev_hash, 'hex') as prev, encode(e.hash, 'hex') as hash,
               encode(audit_event_digest(e.prev_hash, e), 'hex') as expected
        from audit_events e
        where e.clinic_id = ${clinicId} and e.chain_seq > ${previous.seq}
        order by e.chain_seq
        limit ${PAGE}`),
    );
    for (const row of rows) {
      const id = Number(row.id);
      const seq = row.seq === null ? null : Number(row.seq);
      events += 1;
      if (seq !== previous.seq + 1 || row.prev !== previous.hash)
        return { ok: false, events, brokenAt: { id, chainSeq: seq, reason: "missing_before" } };
      if (row.hash !== row.expected) return { ok: false, events, brokenAt: { id, chainSeq: seq, reason: "edited" } };
      previous = { seq: seq!, hash: row.hash };
    }
    if (rows.length < PAGE) break;
  }
  // An event whose chain columns were blanked falls out of the walk above; count it as edited.
  const [orphan] = rowsOf<{ id: string | number }>(
    await db.execute(
      sql`select id from audit_events where clinic_id = ${clinicId} and (chain_seq is null or hash is null) order by id limit 1`,
    ),
  );
  if (orphan) return { ok: false, events: events + 1, brokenAt: { id: Number(orphan.id), chainSeq: null, reason: "edited" } };
  return { ok: true, events };
}
