import type { Bundle, Observation, OperationOutcome, Questionnaire, QuestionnaireResponse, Resource } from "@medplum/fhirtypes";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as carePlans } from "@/app/api/fhir/R4/CarePlan/route";
import { GET as metadata } from "@/app/api/fhir/R4/metadata/route";
import { GET as observations } from "@/app/api/fhir/R4/Observation/route";
import { GET as everything } from "@/app/api/fhir/R4/Patient/[id]/$everything/route";
import { GET as readPatient } from "@/app/api/fhir/R4/Patient/[id]/route";
import { GET as serviceRequests } from "@/app/api/fhir/R4/ServiceRequest/route";
import { GET as readQuestionnaire } from "@/app/api/fhir/R4/Questionnaire/[id]/route";
import { GET as questionnaireResponses } from "@/app/api/fhir/R4/QuestionnaireResponse/route";
import { revokeApiKey } from "@/db/queries/api-keys";
import { createApiKey } from "@/lib/auth/api-keys";
import { patientBundle } from "@/lib/fhir/export";
import { auditEvents, outcomeMeasures, questionnaireResponses as responseTable, rateLimits } from "@/db/schema";
import { archiveMeasure } from "@/db/queries/outcomes";
import { importQuestionnaire } from "@/lib/outcomes/import";
import { questionnaireId } from "@/lib/fhir/questionnaire";
import type { ScoringRule } from "@/lib/domain/outcomes";
import { API_KEY_LIMIT } from "@/lib/auth/dal";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { driver, setupTestDatabase } from "../db";
import { seedFhirPatient } from "../fhir-fixture";
import { errorsOf } from "../fhir-validate";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const ROUTES: [RegExp, Handler][] = [
  [/^\/api\/fhir\/R4\/Patient\/([^/]+)\/\$everything$/, everything],
  [/^\/api\/fhir\/R4\/Patient\/([^/]+)$/, readPatient],
  [/^\/api\/fhir\/R4\/CarePlan$/, carePlans as Handler],
  [/^\/api\/fhir\/R4\/ServiceRequest$/, serviceRequests as Handler],
  [/^\/api\/fhir\/R4\/Observation$/, observations as Handler],
  [/^\/api\/fhir\/R4\/QuestionnaireResponse$/, questionnaireResponses as Handler],
  [/^\/api\/fhir\/R4\/Questionnaire\/([^/]+)$/, readQuestionnaire],
];

/** A GET as an HTTP client would send it, routed to the handler Next would pick. */
async function get(path: string, key?: string): Promise<{ status: number; type: string | null; body: Resource }> {
  const url = new URL(path, "http://homeplan.test");
  const [pattern, handler] = ROUTES.find(([p]) => p.test(url.pathname))!;
  const id = decodeURIComponent(pattern.exec(url.pathname)![1] ?? "");
  const response = await handler(new Request(url, { headers: key ? { authorization: `Bearer ${key}` } : {} }), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

/** Follows Bundle.link next to the end, collecting every entry. */
async function allPages(path: string, key: string): Promise<{ pages: number; resources: Resource[] }> {
  let next: string | undefined = path;
  const resources: Resource[] = [];
  let pages = 0;
  while (next) {
    const { status, body } = await get(next, key);
    expect(status).toBe(200);
    const bundle = body as Bundle;
    resources.push(...(bundle.entry ?? []).map((e) => e.resource!));
    const url = bundle.link?.find((l) => l.relation === "next")?.url;
    next = url ? new URL(url).pathname + new URL(url).search : undefined;
    pages += 1;
    expect(pages).toBeLessThan(100);
  }
  return { pages, resources };
}

async function setup() {
  const fx = await seedFhirPatient(db());
  const other = await seedFhirPatient(db(), "Other");
  const key = await createApiKey(db(), { clinicId: fx.clinic.id, clinicianId: fx.owner.id, ip: "203.0.113.9" }, "Practice EHR");
  const otherKey = await createApiKey(db(), { clinicId: other.clinic.id, clinicianId: other.owner.id, ip: "203.0.113.9" }, "Their EHR");
  return { fx, other, key, otherKey };
}

const outcome = (body: Resource) => (body as OperationOutcome).issue[0]!;

/** A clinic's own measure, imported as an owner would, with a percent score. */
async function importMeasure(clinicId: string, title: string) {
  const imported = importQuestionnaire(
    JSON.stringify({
      resourceType: "Questionnaire",
      title,
      item: [
        {
          linkId: "a",
          text: "How hard is bending?",
          type: "integer",
          extension: [
            { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: 0 },
            { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: 10 },
          ],
        },
      ],
    }),
    { rule: "percent", mcid: 10, higherIsBetter: false },
  );
  if (!imported.ok) throw new Error(imported.message);
  const [row] = await db()
    .insert(outcomeMeasures)
    .values({ clinicId, title, rule: "percent", definition: imported.measure, questionnaire: imported.questionnaire })
    .returning();
  return `q-${row!.id}`;
}

describe(`FHIR read API on ${driver}`, () => {
  it("answers metadata, read, $everything and the three searches with FHIR JSON, paged by Bundle.link next", async () => {
    const { fx, key } = await setup();
    const meta = await metadata();
    expect(meta.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(await meta.json()).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1", kind: "instance" });

    const patient = await get(`/api/fhir/R4/Patient/${fx.patient.id}`, key.key);
    expect(patient.status).toBe(200);
    expect(patient.type).toMatch(/^application\/fhir\+json/);
    expect(patient.body).toMatchObject({ resourceType: "Patient", id: fx.patient.id, name: [{ text: fx.patient.name }] });

    const all = await get(`/api/fhir/R4/Patient/${fx.patient.id}/$everything`, key.key);
    const exported = (await patientBundle(db(), { clinicId: fx.clinic.id, patientId: fx.patient.id }))!;
    const everythingBundle = all.body as Bundle;
    expect(everythingBundle.type).toBe("searchset");
    expect(everythingBundle.entry!.map((e) => e.fullUrl).sort()).toEqual(exported.entry!.map((e) => e.fullUrl).sort());

    const plans = await get(`/api/fhir/R4/CarePlan?patient=Patient/${fx.patient.id}`, key.key);
    expect((plans.body as Bundle).entry!.map((e) => (e.resource as { title?: string }).title)).toEqual([
      "Low back, first steps",
      "Low back, building up",
    ]);

    const requests = await allPages(`/api/fhir/R4/ServiceRequest?patient=${fx.patient.id}&_count=2`, key.key);
    expect(requests.pages).toBe(4);
    expect(new Set(requests.resources.map((r) => r.id)).size).toBe(7);

    const pain = await allPages(`/api/fhir/R4/Observation?patient=${fx.patient.id}&code=http://loinc.org|72514-3&_count=4`, key.key);
    expect(pain.resources.map((r) => (r as { valueInteger?: number }).valueInteger)).toEqual(
      fx.logs.filter((l) => l.pain !== null).map((l) => l.pain),
    );
    const every = await allPages(`/api/fhir/R4/Observation?patient=${fx.patient.id}&_count=3`, key.key);
    expect(every.pages).toBe(4);
    const exportedObservations = exported.entry!.filter((e) => e.resource!.resourceType === "Observation");
    expect(new Set(every.resources.map((r) => r.id)).size).toBe(exportedObservations.length);
    expect(every.resources).toHaveLength(exportedObservations.length);

    // Each keyed use (read, $everything, every search page) is one audit row naming the key and the patient.
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, "fhir.read"));
    expect(audit.length).toBe(3 + requests.pages + pain.pages + every.pages);
    expect(audit.every((a) => a.clinicId === fx.clinic.id && a.detail.apiKeyId === key.id && a.objectId === fx.patient.id)).toBe(true);
  });

  it("searches a patient's outcome answers with their scores, and reads every Questionnaire they name, archived or built in", async () => {
    const { fx, other, key, otherKey } = await setup();
    const own = await importMeasure(fx.clinic.id, "Bending scale");
    const theirs = await importMeasure(other.clinic.id, "Their private scale");
    const answer = (measure: string, day: number, answers: { linkId: string; value: number; label?: string }[], score: number) => ({
      clinicId: fx.clinic.id,
      patientId: fx.patient.id,
      programmeId: fx.programmeId,
      version: 1,
      answeredAt: new Date(Date.UTC(2026, 0, day, 10)),
      measure,
      title: measure,
      idempotencyKey: `fhir-api-${measure.slice(0, 8)}-${String(day).padStart(4, "0")}`,
      answers,
      score,
      rule: (measure === "psfs" ? "mean" : measure === "nprs" ? "sum" : "percent") as ScoringRule,
    });
    await db()
      .insert(responseTable)
      .values([
        answer("psfs", 6, [{ linkId: "activity-1", value: 3, label: "Stairs" }], 3),
        answer("nprs", 6, [{ linkId: "pain", value: 6 }], 6),
        answer(own, 13, [{ linkId: "a", value: 4 }], 40),
        answer("psfs", 20, [{ linkId: "activity-1", value: 6, label: "Stairs" }], 6),
      ]);
    expect(await archiveMeasure(db(), { clinicId: fx.clinic.id, clinicianId: fx.owner.id, ip: "203.0.113.9" }, { key: own })).toBe(true);

    const all = await allPages(`/api/fhir/R4/QuestionnaireResponse?patient=Patient/${fx.patient.id}&_count=3`, key.key);
    expect(all.pages).toBe(2);
    const responses = all.resources.filter((r) => r.resourceType === "QuestionnaireResponse") as QuestionnaireResponse[];
    const scores = all.resources.filter((r) => r.resourceType === "Observation") as Observation[];
    expect(responses.map((r) => r.authored!.slice(0, 10))).toEqual(["2026-01-06", "2026-01-06", "2026-01-13", "2026-01-20"]);
    expect(scores.map((o) => o.valueQuantity?.value).sort()).toEqual([3, 40, 6, 6].sort());
    expect(all.resources.flatMap(errorsOf)).toEqual([]);

    // Each response's questionnaire URL reads back as that Questionnaire, the archived import included.
    const titles = new Set<string>();
    for (const url of new Set(responses.map((r) => r.questionnaire!))) {
      const read = await get(new URL(url).pathname, key.key);
      expect(read.status, url).toBe(200);
      expect(read.body).toMatchObject({ resourceType: "Questionnaire", url });
      expect(errorsOf(read.body)).toEqual([]);
      titles.add((read.body as Questionnaire).title!);
    }
    expect(titles.size).toBe(3);
    expect(titles.has("Bending scale")).toBe(true);

    // Another clinic's measure and patient are not found with this key, and this one's not with theirs.
    const theirPath = `/api/fhir/R4/Questionnaire/${questionnaireId(theirs)}`;
    expect((await get(theirPath, otherKey.key)).status).toBe(200);
    expect((await get(theirPath, key.key)).status).toBe(404);
    const ownUrl = responses.find((r) => r.item?.[0]?.linkId === "a")!.questionnaire!;
    const refused = await get(new URL(ownUrl).pathname, otherKey.key);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain("Bending scale");
    expect((await get(`/api/fhir/R4/QuestionnaireResponse?patient=${fx.patient.id}`, otherKey.key)).status).toBe(404);
    expect((await get("/api/fhir/R4/Questionnaire/not-an-id", key.key)).status).toBe(404);
  });

  it("gives another clinic's key a 404 OperationOutcome for every id, and unknown ids the same", async () => {
    const { fx, otherKey, key } = await setup();
    const paths = (id: string) => [
      `/api/fhir/R4/Patient/${id}`,
      `/api/fhir/R4/Patient/${id}/$everything`,
      `/api/fhir/R4/CarePlan?patient=Patient/${id}`,
      `/api/fhir/R4/ServiceRequest?patient=${id}`,
      `/api/fhir/R4/Observation?patient=${id}`,
      `/api/fhir/R4/Observation?patient=${id}&code=72514-3`,
    ];
    for (const path of [
      ...paths(fx.patient.id).map((p) => [p, otherKey.key]),
      ...paths("00000000-0000-4000-8000-000000000000").map((p) => [p, key.key]),
    ]) {
      const { status, body, type } = await get(path[0]!, path[1]);
      expect(status, path[0]).toBe(404);
      expect(type).toMatch(/^application\/fhir\+json/);
      expect(outcome(body).code).toBe("not-found");
      expect(JSON.stringify(body)).not.toContain(fx.patient.name);
    }
    expect((await get("/api/fhir/R4/Patient/not-a-uuid", key.key)).status).toBe(404);
  });

  it("refuses no key, a malformed or unknown key, and a revoked key from its very next request, with 401", async () => {
    const { fx, key } = await setup();
    const path = `/api/fhir/R4/Patient/${fx.patient.id}`;
    for (const bad of [undefined, "not-a-key", `hpk_${"A".repeat(43)}`, key.key.slice(0, -1)]) {
      const { status, body } = await get(path, bad);
      expect(status).toBe(401);
      expect(outcome(body).code).toBe("login");
    }
    expect((await get(path, key.key)).status).toBe(200);
    expect(await revokeApiKey(db(), { clinicId: fx.clinic.id, clinicianId: fx.owner.id, ip: "203.0.113.9" }, key.id)).toBe(true);
    const after = await get(path, key.key);
    expect(after.status).toBe(401);
    expect(JSON.stringify(after.body)).not.toContain(fx.patient.name);
    const refused = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "fhir.refused"), eq(auditEvents.objectId, key.id)));
    expect(refused).toHaveLength(1);
  });

  it("answers a bad parameter with 400 and a message naming it", async () => {
    const { fx, key } = await setup();
    const p = fx.patient.id;
    const bad = [
      "/api/fhir/R4/CarePlan",
      "/api/fhir/R4/CarePlan?patient=Patient/abc",
      `/api/fhir/R4/CarePlan?patient=${p}&_count=0`,
      `/api/fhir/R4/CarePlan?patient=${p}&_count=201`,
      `/api/fhir/R4/CarePlan?patient=${p}&_count=ten`,
      `/api/fhir/R4/CarePlan?patient=${p}&status=active`,
      `/api/fhir/R4/CarePlan?patient=${p}&patient=${p}`,
      `/api/fhir/R4/ServiceRequest?patient=${p}&_cursor=garbage`,
      `/api/fhir/R4/Observation?patient=${p}&code=http://loinc.org|0000-0`,
      `/api/fhir/R4/Observation?patient=${p}&code=http://snomed.info/sct|72514-3`,
      `/api/fhir/R4/Patient/${p}/$everything?start=2026-01-01`,
    ];
    for (const path of bad) {
      const { status, body } = await get(path, key.key);
      expect(status, path).toBe(400);
      expect(outcome(body)).toMatchObject({ severity: "error", code: "invalid" });
      expect(outcome(body).diagnostics!.length).toBeGreaterThan(10);
    }
  });

  it("throttles each key on its own: past the limit 429, while another key still reads", async () => {
    const { fx, key, otherKey } = await setup();
    await db()
      .insert(rateLimits)
      .values({ key: `fhir-key:${key.id}`, count: API_KEY_LIMIT.max });
    const limited = await get(`/api/fhir/R4/Patient/${fx.patient.id}`, key.key);
    expect(limited.status).toBe(429);
    expect(outcome(limited.body).code).toBe("throttled");
    expect((await get(`/api/fhir/R4/CarePlan?patient=${fx.patient.id}`, otherKey.key)).status).toBe(404);
  });
});
