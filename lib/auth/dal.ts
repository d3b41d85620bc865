import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { findApiKey } from "@/db/queries/api-keys";
import { recordAudit } from "@/db/queries/audit";
import { getSessionClinician } from "@/db/queries/clinicians";
import { getExercise } from "@/db/queries/exercises";
import { getMedia } from "@/db/queries/media";
import { isTreatingClinician } from "@/db/queries/patient-record";
import { getPatient } from "@/db/queries/patients";
import { hit } from "@/db/queries/rate-limits";
import { hashToken } from "@/lib/crypto/token";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { clientIp } from "@/lib/request";
import { API_KEY_PATTERN } from "./api-keys";
import { auth } from "./auth";
import type { Role } from "@/lib/domain/clinic";

export type SessionClinician = {
  clinicianId: string;
  clinicId: string;
  role: Role;
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

/** Who may take a patient's whole record away (ZIP or FHIR): the owner, or a clinician treating them. */
export async function canExportRecord(session: SessionClinician, patientId: string): Promise<boolean> {
  if (session.role === "owner") return true;
  return isTreatingClinician(await getDb(), { clinicId: session.clinicId, patientId, clinicianId: session.clinicianId });
}

/** The check for every whole-record download: another clinic's or an unknown patient is "not found". */
export async function authorizeRecordExport(patientId: string): Promise<SessionClinician> {
  const session = await authorizeClinician();
  if (!isUuid(patientId) || !(await getPatient(await getDb(), { id: patientId, clinicId: session.clinicId })))
    throw new AppError("not_found");
  if (!(await canExportRecord(session, patientId))) throw new AppError("forbidden");
  return session;
}

/**
 * For a clinic's own exercise (media are added only to those): a shared catalogue entry,
 * another clinic's or an unknown id is "not found".
 */
export async function authorizeOwnExercise(exerciseId: string): Promise<SessionClinician> {
  const session = await authorizeClinician();
  if (!isUuid(exerciseId)) throw new AppError("not_found");
  const exercise = await getExercise(await getDb(), { id: exerciseId, clinicId: session.clinicId });
  if (!exercise || exercise.clinicId !== session.clinicId) throw new AppError("not_found");
  return session;
}

/** A media item of the clinician's own clinic, on the exercise the address names; anything else is "not found". */
export async function authorizeClinicMedia(exerciseId: string, mediaId: string) {
  const session = await authorizeClinician();
  if (!isUuid(exerciseId) || !isUuid(mediaId)) throw new AppError("not_found");
  const media = await getMedia(await getDb(), { clinicId: session.clinicId, id: mediaId });
  if (!media || media.exerciseId !== exerciseId) throw new AppError("not_found");
  return { session, media };
}

export type ApiKeyGrant = { clinicId: string; keyId: string };

/** Per key: generous for a system syncing records, a wall for a runaway loop. */
export const API_KEY_LIMIT = { max: 600, windowSeconds: 300 };

/**
 * For the FHIR API: a clinic API key as `Authorization: Bearer hpk_…`, checked against
 * the database on every request, so a revoked key fails on its very next use. Each key
 * is throttled on its own. Grants read access to that key's clinic only.
 */
export async function authorizeApiKey(request: Request): Promise<ApiKeyGrant> {
  const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1];
  if (!presented || !API_KEY_PATTERN.test(presented)) throw new AppError("unauthorized");
  const db = await getDb();
  const key = await findApiKey(db, hashToken(presented));
  if (!key) throw new AppError("unauthorized");
  if (key.revokedAt) {
    await recordAudit(db, {
      clinicId: key.clinicId,
      action: "fhir.refused",
      objectType: "api_key",
      objectId: key.id,
      ip: clientIp(request.headers),
      detail: { reason: "revoked" },
    });
    throw new AppError("unauthorized");
  }
  if ((await hit(db, `fhir-key:${key.id}`, API_KEY_LIMIT)) > API_KEY_LIMIT.max) throw new AppError("rate_limited");
  return { clinicId: key.clinicId, keyId: key.id };
}
