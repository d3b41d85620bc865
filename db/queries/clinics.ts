import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import { clinicians, clinics } from "@/db/schema";
import { recordAudit } from "./audit";
import type { StarterTemplate } from "@/lib/catalogue/templates";
import { installStarterTemplates } from "./starter-templates";
import type { PaperSize } from "@/lib/domain/clinic";

/**
 * Clinic, owner and audit row in one transaction: a sign-up either happens whole or
 * not at all. Returns null when the email is taken (checked inside the transaction and
 * backed by the unique index, so two sign-ups racing for one email cannot both win).
 */
export async function createClinicWithOwner(
  db: Database,
  input: { clinicName: string; name: string; email: string; passwordHash: string; ip: string; templates: StarterTemplate[] },
): Promise<{ clinicId: string; clinicianId: string } | null> {
  try {
    return await db.transaction(async (tx) => {
      const [clinic] = await tx.insert(clinics).values({ name: input.clinicName }).returning({ id: clinics.id });
      if (!clinic) throw new Error("clinic insert returned nothing");
      const [owner] = await tx
        .insert(clinicians)
        .values({ clinicId: clinic.id, name: input.name, email: input.email, passwordHash: input.passwordHash, role: "owner" })
        .returning({ id: clinicians.id });
      if (!owner) throw new Error("owner insert returned nothing");
      await installStarterTemplates(tx, { clinicId: clinic.id, clinicianId: owner.id }, input.templates);
      await recordAudit(tx, {
        clinicId: clinic.id,
        actorId: owner.id,
        action: "clinic.created",
        objectType: "clinic",
        objectId: clinic.id,
        ip: input.ip,
      });
      return { clinicId: clinic.id, clinicianId: owner.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "clinicians_email_key")) return null;
    throw error;
  }
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = (error as { cause?: unknown })?.cause ?? error;
  const code = (e as { code?: string })?.code;
  const name = (e as { constraint_name?: string; constraint?: string })?.constraint_name ?? (e as { constraint?: string })?.constraint;
  return code === "23505" && (!constraint || name === constraint || String((e as Error).message).includes(constraint));
}

export async function getClinic(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }) {
  const [row] = await db
    .select({
      id: clinics.id,
      name: clinics.name,
      address: clinics.address,
      phone: clinics.phone,
      paperSize: clinics.paperSize,
      timeZone: clinics.timeZone,
      createdAt: clinics.createdAt,
    })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return row;
}

export async function updateClinic(
  db: DatabaseOrTransaction,
  { clinicId }: { clinicId: string },
  { timeZone, ...values }: { name: string; address: string; phone: string; paperSize: PaperSize; timeZone?: string },
) {
  // An empty zone leaves the clinic's as it is (null: the server's).
  await db
    .update(clinics)
    .set({ ...values, ...(timeZone ? { timeZone } : {}), updatedAt: sql`now()` })
    .where(eq(clinics.id, clinicId));
}

export async function bumpSessionVersion(db: DatabaseOrTransaction, key: { clinicianId: string; clinicId: string }) {
  await db
    .update(clinicians)
    .set({ sessionVersion: sql`${clinicians.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(and(eq(clinicians.id, key.clinicianId), eq(clinicians.clinicId, key.clinicId)));
}
