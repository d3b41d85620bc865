import "server-only";
import type { Resource } from "@medplum/fhirtypes";
import { getDb, type Database } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { fhirBase } from "./export";
import { authorizeApiKey, API_KEY_LIMIT, type ApiKeyGrant } from "@/lib/auth/dal";
import { AppError, logError } from "@/lib/errors";
import { clientIp } from "@/lib/request";
import { FHIR_JSON, operationOutcome, type OutcomeCode } from "./bundle";
import { SearchError } from "./search";

/*
 * The HTTP edge of the FHIR API, shared by its thin routes: the key is checked (in the
 * DAL), every answer is FHIR JSON, every failure an OperationOutcome, every use audited.
 */

const HEADERS = { "Content-Type": FHIR_JSON, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function fhirResponse(body: Resource, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

const FAILURES: Partial<Record<AppError["code"], { status: number; code: OutcomeCode; text: string }>> = {
  unauthorized: { status: 401, code: "login", text: "A valid clinic API key is required: send it as Authorization: Bearer <key>." },
  not_found: { status: 404, code: "not-found", text: "No such resource." },
  forbidden: { status: 404, code: "not-found", text: "No such resource." },
  rate_limited: {
    status: 429,
    code: "throttled",
    text: `Too many requests for this key (limit ${API_KEY_LIMIT.max} per ${API_KEY_LIMIT.windowSeconds / 60} minutes). Try again shortly.`,
  },
};

function failureResponse(error: unknown): Response {
  if (error instanceof SearchError) return fhirResponse(operationOutcome("invalid", error.message), 400);
  const known = error instanceof AppError ? FAILURES[error.code] : undefined;
  if (known) {
    const headers: Record<string, string> =
      known.status === 401
        ? { "WWW-Authenticate": 'Bearer realm="homeplan-fhir"' }
        : known.status === 429
          ? { "Retry-After": String(API_KEY_LIMIT.windowSeconds) }
          : {};
    return fhirResponse(operationOutcome(known.code, known.text), known.status, headers);
  }
  logError("fhir request failed", error);
  return fhirResponse(operationOutcome("exception", "Something went wrong on the server. Please try again."), 500);
}

export type FhirContext = { db: Database; grant: ApiKeyGrant; url: URL; base: string };

/**
 * Wraps one read. The handler returns the resource to send and what it read (for the
 * audit row), or throws AppError("not_found") / SearchError.
 */
export function fhirRead<P>(handler: (ctx: FhirContext, params: P) => Promise<{ body: Resource; objectType: string; objectId?: string }>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const grant = await authorizeApiKey(request);
      const db = await getDb();
      const url = new URL(request.url);
      let outcome: { status: number; body: Resource; objectType: string; objectId?: string };
      try {
        outcome = { status: 200, ...(await handler({ db, grant, url, base: fhirBase() }, await params)) };
      } catch (error) {
        const response = failureResponse(error);
        await recordAudit(db, {
          clinicId: grant.clinicId,
          action: "fhir.read",
          objectType: "fhir",
          ip: clientIp(request.headers),
          detail: { apiKeyId: grant.keyId, path: url.pathname.slice(0, 200), status: response.status },
        });
        return response;
      }
      await recordAudit(db, {
        clinicId: grant.clinicId,
        action: "fhir.read",
        objectType: outcome.objectType,
        objectId: outcome.objectId ?? null,
        ip: clientIp(request.headers),
        detail: { apiKeyId: grant.keyId, path: url.pathname.slice(0, 200), status: outcome.status },
      });
      return fhirResponse(outcome.body, outcome.status);
    } catch (error) {
      return failureResponse(error);
    }
  };
}
