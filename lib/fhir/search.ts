import { z } from "zod";
import { SEARCHABLE_OBSERVATION_CODES } from "./codes";

/*
 * Search parameters of the read API, checked strictly: an unknown or malformed
 * parameter is a 400 with a message naming it, never a silently wider result.
 */

export class SearchError extends Error {}

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

const uuid = z.uuid();

/** `Patient/<id>` or a bare id, as FHIR allows for a reference parameter. */
function patientParam(value: string | null): string {
  if (value === null) throw new SearchError("The patient parameter is required, e.g. patient=Patient/<id>.");
  const id = value.replace(/^Patient\//, "");
  if (!uuid.safeParse(id).success) throw new SearchError("The patient parameter must be Patient/<id> with the id of a patient.");
  return id;
}

function countParam(value: string | null): number {
  if (value === null) return PAGE_SIZE;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_PAGE_SIZE)
    throw new SearchError(`_count must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  return n;
}

/** `code=[system|]code`, among the codes the API's Observations carry. */
function observationCode(value: string | null): "pain" | "exercises" | undefined {
  if (value === null) return undefined;
  const [system, code] = value.includes("|") ? value.split("|", 2) : [undefined, value];
  const known = SEARCHABLE_OBSERVATION_CODES.find((c) => c.code === code && (!system || c.system === system));
  if (!known) throw new SearchError(`code must be one of ${SEARCHABLE_OBSERVATION_CODES.map((c) => `${c.system}|${c.code}`).join(", ")}.`);
  return known.code === "72514-3" ? "pain" : "exercises";
}

export const cursorSchemas = {
  version: z.object({ programmeId: z.uuid(), version: z.number().int().min(1) }).strict(),
  item: z.object({ programmeId: z.uuid(), version: z.number().int().min(1), position: z.number().int().min(0) }).strict(),
  log: z.object({ completedAt: z.iso.datetime({ offset: true }), id: z.uuid() }).strict(),
  response: z.object({ answeredAt: z.iso.datetime({ offset: true }), id: z.uuid() }).strict(),
};

const encodeCursor = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

function decodeCursor<S extends z.ZodType>(schema: S, value: string | null): z.infer<S> | undefined {
  if (value === null) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    throw new SearchError("_cursor is not one this server gave out; start again from the first page.");
  }
}

const ALLOWED = {
  CarePlan: ["patient", "_count", "_cursor"],
  ServiceRequest: ["patient", "_count", "_cursor"],
  Observation: ["patient", "code", "_count", "_cursor"],
  QuestionnaireResponse: ["patient", "_count", "_cursor"],
};

export function parseSearch<K extends keyof typeof cursorSchemas>(type: keyof typeof ALLOWED, params: URLSearchParams, cursor: K) {
  for (const key of new Set(params.keys())) {
    if (key === "_format") continue;
    if (!ALLOWED[type].includes(key)) throw new SearchError(`${type} search does not support the parameter "${key.slice(0, 40)}".`);
    if (params.getAll(key).length > 1) throw new SearchError(`The parameter "${key}" may be given once.`);
  }
  return {
    patientId: patientParam(params.get("patient")),
    count: countParam(params.get("_count")),
    after: decodeCursor(cursorSchemas[cursor], params.get("_cursor")) as z.infer<(typeof cursorSchemas)[K]> | undefined,
    code: type === "Observation" ? observationCode(params.get("code")) : undefined,
  };
}

/** The URL of the page after this one: the same search, resuming after `last`. */
export function nextPageUrl(base: string, type: string, params: URLSearchParams, count: number, last: object): string {
  const next = new URLSearchParams();
  for (const key of ["patient", "code"]) {
    const value = params.get(key);
    if (value !== null) next.set(key, value);
  }
  next.set("_count", String(count));
  next.set("_cursor", encodeCursor(last));
  return `${base}/${type}?${next}`;
}
