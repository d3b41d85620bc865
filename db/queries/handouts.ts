import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";
import { handoutPdfs } from "@/db/schema";

type Key = { clinicId: string; digest: string };

/** A rendered handout filed under the digest of what it prints, or null. A read: nothing is written. */
export async function findHandoutPdf(db: DatabaseOrTransaction, { clinicId, digest }: Key): Promise<Buffer | null> {
  const [row] = await db
    .select({ pdf: handoutPdfs.pdf })
    .from(handoutPdfs)
    .where(and(eq(handoutPdfs.clinicId, clinicId), eq(handoutPdfs.digest, digest)));
  return row?.pdf ?? null;
}

/**
 * Files a rendered handout, then trims the table to `maxBytes`, oldest first. The trim
 * spans every clinic on the server: it is one budget for the server's disk, like the
 * rate-limit sweep, and it only ever drops cached renders, which are drawn again on demand.
 */
export async function storeHandoutPdf(
  db: DatabaseOrTransaction,
  { clinicId, digest, programmeId, pdf }: Key & { programmeId: string; pdf: Buffer },
  maxBytes: number,
): Promise<void> {
  await db
    .insert(handoutPdfs)
    .values({ clinicId, digest, programmeId, pdf, bytes: pdf.length })
    .onConflictDoNothing({ target: [handoutPdfs.clinicId, handoutPdfs.digest] });
  // Newest first with a running total; everything past the budget goes.
  await db.execute(sql`
    delete from handout_pdfs h using (
      select clinic_id, digest from (
        select clinic_id, digest, sum(bytes) over (order by created_at desc, digest) as running
        from handout_pdfs
      ) ranked where running > ${maxBytes}
    ) old
    where h.clinic_id = old.clinic_id and h.digest = old.digest`);
}

/** Bytes and rows held, for tests and the benchmark. */
export async function handoutStoreSize(db: DatabaseOrTransaction): Promise<{ rows: number; bytes: number }> {
  const [row] = rowsOf<{ rows: number; bytes: number }>(
    await db.execute(sql`select count(*)::int as rows, coalesce(sum(bytes), 0)::int as bytes from handout_pdfs`),
  );
  return row ?? { rows: 0, bytes: 0 };
}
