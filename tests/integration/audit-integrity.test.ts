import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "@/db/queries/audit";
import { rowsOf, type Database } from "@/db/client";
import { driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";

const { db } = setupTestDatabase();

async function events(db: Database, clinicId: string, n: number) {
  for (let i = 0; i < n; i += 1) await recordAudit(db, { clinicId, action: "patient.viewed", objectType: "patient", objectId: `p${i}` });
}

async function chainOf(clinicId: string) {
  return rowsOf<{ id: string; seq: string; prev: string | null; hash: string }>(
    await db().execute(
      sql`select id, chain_seq as seq, encode(prev_hash, 'hex') as prev, encode(hash, 'hex') as hash from audit_events where clinic_id = ${clinicId} order by chain_seq`,
    ),
  ).map((r) => ({ id: Number(r.id), seq: Number(r.seq), prev: r.prev, hash: r.hash }));
}

/** What only a superuser can do: the app's own statements go through the triggers. */
async function asSuperuser(statement: ReturnType<typeof sql>) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

describe(`audit trail integrity on ${driver}`, () => {
  it("refuses UPDATE, DELETE and TRUNCATE, and keeps the row as it was", async () => {
    const { clinic } = await createClinic(db());
    await events(db(), clinic.id, 1);
    const before = await chainOf(clinic.id);
    await expect(db().execute(sql`update audit_events set action = 'nothing.happened'`)).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_events`)).rejects.toThrow();
    const [row] = rowsOf<{ action: string }>(await db().execute(sql`select action from audit_events where clinic_id = ${clinic.id}`));
    expect(row?.action).toBe("patient.viewed");
    expect(await chainOf(clinic.id)).toEqual(before);
  });

  it("chains each clinic's events by hash, one chain per clinic", async () => {
    const a = await createClinic(db(), "A");
    const b = await createClinic(db(), "B");
    await events(db(), a.clinic.id, 3);
    await events(db(), b.clinic.id, 2);
    await events(db(), a.clinic.id, 2);
    const chain = await chainOf(a.clinic.id);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0]!.prev).toBeNull();
    for (let i = 1; i < chain.length; i += 1) expect(chain[i]!.prev).toBe(chain[i - 1]!.hash);
    expect(new Set(chain.map((e) => e.hash)).size).toBe(5);
    expect(await verifyAuditChain(db(), a.clinic.id)).toEqual({ ok: true, events: 5 });
    expect(await verifyAuditChain(db(), b.clinic.id)).toEqual({ ok: true, events: 2 });
  });

  it("does not fork when many events are written at once", async () => {
    const { clinic } = await createClinic(db());
    // On PostgreSQL these run on separate pooled connections, each in its own transaction.
    await Promise.all(Array.from({ length: 24 }, () => db().transaction((tx) => events(tx as unknown as Database, clinic.id, 2))));
    const chain = await chainOf(clinic.id);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db(), clinic.id)).toEqual({ ok: true, events: 48 });
  });

  it("names the event a superuser edited behind the triggers' back", async () => {
    const { clinic } = await createClinic(db());
    await events(db(), clinic.id, 6);
    const chain = await chainOf(clinic.id);
    const victim = chain[3]!;
    await asSuperuser(sql`update audit_events set object_id = 'someone-else' where id = ${victim.id}`);
    expect(await verifyAuditChain(db(), clinic.id)).toEqual({
      ok: false,
      events: 4,
      brokenAt: { id: victim.id, chainSeq: 4, reason: "edited" },
    });
  });

  it("notices an edit whose hash was recomputed, at the event after it", async () => {
    const { clinic } = await createClinic(db());
    await events(db(), clinic.id, 4);
    const chain = await chainOf(clinic.id);
    await asSuperuser(
      sql`update audit_events e set object_id = 'forged', hash = audit_event_digest(e.prev_hash, (e.id, e.clinic_id, e.actor_id, e.action, e.object_type, 'forged', e.ip, e.detail, e.at, e.chain_seq, e.prev_hash, e.hash)::audit_events) where id = ${chain[1]!.id}`,
    );
    expect(await verifyAuditChain(db(), clinic.id)).toMatchObject({ ok: false, brokenAt: { id: chain[2]!.id, reason: "missing_before" } });
  });

  it("notices a deleted event, at the event after it", async () => {
    const { clinic } = await createClinic(db());
    await events(db(), clinic.id, 5);
    const chain = await chainOf(clinic.id);
    await asSuperuser(sql`delete from audit_events where id = ${chain[2]!.id}`);
    expect(await verifyAuditChain(db(), clinic.id)).toMatchObject({
      ok: false,
      brokenAt: { id: chain[3]!.id, chainSeq: 4, reason: "missing_before" },
    });
  });
});
