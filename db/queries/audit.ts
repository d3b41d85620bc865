import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";

/**
 * Awaited inside the caller's transaction, so an event exists exactly when its change
 * does. Never pass passwords, tokens or dates of birth in `detail`.
 */
export async function recordAudit(db: DatabaseOrTransaction, event: Omit<AuditEvent, "id" | "at">): Promise<void> {
  await db.insert(auditEvents).values(event);
}
