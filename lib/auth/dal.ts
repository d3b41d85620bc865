import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getSessionClinician } from "@/db/queries/clinicians";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";

export type SessionClinician = {
  clinicianId: string;
  clinicId: string;
  role: "owner" | "clinician";
  name: string;
  email: string;
};

/**
 * The real check behind every page, action and route that touches clinic data. The
 * signed cookie only says who someone was: the database says whether they still are
 * (not disabled, password unchanged). Cached for the length of one request.
 */
export const verifySession = cache(async (): Promise<SessionClinician | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id || !claims.clinicId) return null;
  const db = await getDb();
  const clinician = await getSessionClinician(db, { id: claims.id, clinicId: claims.clinicId });
  if (!clinician || clinician.disabledAt || clinician.sessionVersion !== claims.sessionVersion) return null;
  return {
    clinicianId: clinician.id,
    clinicId: clinician.clinicId,
    role: clinician.role,
    name: clinician.name,
    email: clinician.email,
  };
});

/** For pages: a missing or ended session goes to the sign-in page. */
export async function requireClinician(): Promise<SessionClinician> {
  const session = await verifySession();
  if (!session) redirect("/sign-in");
  return session;
}

export async function requireOwner(): Promise<SessionClinician> {
  const session = await requireClinician();
  if (session.role !== "owner") forbidden();
  return session;
}

/** For server actions and route handlers: throws a typed error the caller turns into a response. */
export async function authorizeClinician(options: { owner?: boolean } = {}): Promise<SessionClinician> {
  const session = await verifySession();
  if (!session) throw new AppError("unauthorized");
  if (options.owner && session.role !== "owner") throw new AppError("forbidden");
  return session;
}
