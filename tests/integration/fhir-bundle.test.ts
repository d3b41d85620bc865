import type { Bundle, Observation, Procedure, QuestionnaireResponse, Resource, ServiceRequest } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { patientBundle } from "@/lib/fhir/export";
import { operationOutcome, searchsetBundle } from "@/lib/fhir/bundle";
import { capabilityStatement } from "@/lib/fhir/capability";
import { dosageSentence } from "@/lib/dosage/format";
import { driver, setupTestDatabase } from "../db";
import { seedFhirPatient } from "../fhir-fixture";
import { errorsOf, indexFhirDefinitions } from "../fhir-validate";
import { outcomeMeasures, questionnaireResponses } from "@/db/schema";
import { importQuestionnaire } from "@/lib/outcomes/import";

const { db } = setupTestDatabase();
const BASE = "https://clinic.example.org/api/fhir/R4";

beforeAll(indexFhirDefinitions);

const ofType = <T extends Resource>(bundle: Bundle, type: T["resourceType"]) =>
  (bundle.entry ?? []).map((e) => e.resource!).filter((r): r is T => r.resourceType === type);

describe(`FHIR patient bundle on ${driver}`, () => {
  it("validates against the R4 definitions with 0 errors, resource by resource and as a Bundle", async () => {
    const fx = await seedFhirPatient(db());
    const bundle = (await patientBundle(db(), { clinicId: fx.clinic.id, patientId: fx.patient.id }, BASE))!;
    const resources = bundle.entry!.map((e) => e.resource!);
    // Organization, Practitioner, Patient, 4 ActivityDefinitions, 2 CarePlans, 7 ServiceRequests, 10 Procedures,
    // 35 exercise Observations, 9 pain and 8 difficulty Observations, 2 Communications.
    expect(resources).toHaveLength(1 + 1 + 1 + 4 + 2 + 7 + 10 + 35 + 9 + 8 + 2);
    const [reply, answer] = resources.filter((r) => r.resourceType === "Communication") as import("@medplum/fhirtypes").Communication[];
    expect(reply).toMatchObject({
      sender: { reference: `Practitioner/${fx.owner.id}` },
      recipient: [{ reference: `Patient/${fx.patient.id}` }],
      payload: [{ contentString: "Good: the stretch is the point." }],
    });
    expect(reply!.about![0]!.reference).toMatch(/^Procedure\//);
    expect(answer).toMatchObject({ sender: { reference: `Patient/${fx.patient.id}` }, payload: [{ contentString: "Thanks!" }] });
    expect(resources.flatMap(errorsOf)).toEqual([]);
    // The validator does catch a broken resource: an Observation without its required status.
    const { status: _status, ...broken } = resources.find((r): r is Observation => r.resourceType === "Observation")!;
    expect(errorsOf(broken as Observation).length).toBeGreaterThan(0);
    expect(errorsOf(bundle)).toEqual([]);
    expect(errorsOf(capabilityStatement(BASE))).toEqual([]);
    expect(errorsOf(operationOutcome("not-found", "No such patient."))).toEqual([]);
    expect(
      errorsOf(
        searchsetBundle(BASE, {
          self: `${BASE}/CarePlan?patient=x`,
          next: `${BASE}/CarePlan?patient=x&_cursor=y`,
          matches: resources.slice(0, 3),
        }),
      ),
    ).toEqual([]);
    // Each entry's fullUrl is the resource's address; every reference points inside the Bundle.
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    for (const entry of bundle.entry!) expect(entry.fullUrl).toBe(`${BASE}/${entry.resource!.resourceType}/${entry.resource!.id}`);
    const references = [...JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)].map((m) => `${BASE}/${m[1]}`);
    expect(references.length).toBeGreaterThan(100);
    expect(references.filter((r) => !urls.has(r))).toEqual([]);
  });

  it("carries the codes of the Physical Activity IG and links plan, orders and sessions", async () => {
    const fx = await seedFhirPatient(db());
    const bundle = (await patientBundle(db(), { clinicId: fx.clinic.id, patientId: fx.patient.id }, BASE))!;
    const [v1, v2] = ofType<import("@medplum/fhirtypes").CarePlan>(bundle, "CarePlan");
    expect(v1).toMatchObject({
      status: "revoked",
      intent: "plan",
      period: { start: "2026-01-05", end: "2026-02-02" },
      note: [{ text: "Stop if the pain spreads down a leg." }],
    });
    expect(v2).toMatchObject({
      status: "active",
      replaces: [{ reference: `CarePlan/${v1!.id}` }],
      author: { reference: `Practitioner/${fx.owner.id}` },
      subject: { reference: `Patient/${fx.patient.id}` },
    });
    expect(v2!.category!.flatMap((c) => c.coding!.map((x) => x.code))).toEqual(["PhysicalActivity", "assess-plan"]);
    const requests = ofType<ServiceRequest>(bundle, "ServiceRequest");
    for (const r of requests) {
      expect(r.code!.coding).toEqual([{ system: "http://snomed.info/sct", code: "229065009", display: "Exercise therapy" }]);
      expect(r.category![0]!.coding![0]!.code).toBe("91251008");
    }
    const birdDog = requests.find((r) => r.code!.text === "Bird dog" || r.patientInstruction!.includes("Keep the back flat."))!;
    expect(birdDog.basedOn).toEqual([{ reference: `CarePlan/${v2!.id}` }]);
    const bridge2 = requests.find(
      (r) => r.basedOn![0]!.reference === `CarePlan/${v2!.id}` && r.instantiatesCanonical![0]!.endsWith(fx.idOf("bridge")),
    )!;
    expect(bridge2.occurrenceTiming!.repeat).toEqual({ frequency: 5, period: 1, periodUnit: "wk" });
    const pain = ofType<Observation>(bundle, "Observation").filter((o) => o.code.coding?.[0]?.code === "72514-3");
    expect(pain.every((o) => o.code.coding![0]!.system === "http://loinc.org" && Number.isInteger(o.valueInteger))).toBe(true);
    const procedures = ofType<Procedure>(bundle, "Procedure");
    const serviceRequestRefs = new Set(requests.map((r) => `ServiceRequest/${r.id}`));
    expect(procedures.every((p) => p.basedOn!.every((b) => serviceRequestRefs.has(b.reference!)))).toBe(true);
  });

  it("round-trips: every exercise, dose, log and pain score of the record is in the Bundle", async () => {
    const fx = await seedFhirPatient(db());
    const bundle = (await patientBundle(db(), { clinicId: fx.clinic.id, patientId: fx.patient.id }, BASE))!;
    const requests = ofType<ServiceRequest>(bundle, "ServiceRequest");
    const observations = ofType<Observation>(bundle, "Observation");
    const procedures = ofType<Procedure>(bundle, "Procedure");
    for (const version of [1, 2] as const) {
      for (const item of fx.versions[version]) {
        const found = requests.filter((r) => r.instantiatesCanonical![0] === `${BASE}/ActivityDefinition/${item.exerciseId}`);
        expect(found.map((r) => r.orderDetail![0]!.text)).toContain(dosageSentence(item));
      }
    }
    expect(
      ofType(bundle, "ActivityDefinition")
        .map((a) => a.id)
        .sort(),
    ).toEqual(["bridge", "pelvic-tilt", "cat-cow", "bird-dog"].map(fx.idOf).sort());
    for (const log of fx.logs) {
      const at = log.completedAt.toISOString();
      const procedure = procedures.find((p) => p.performedPeriod?.end === at)!;
      expect(procedure, `session of ${at}`).toBeDefined();
      if (log.comment) expect(procedure.note).toEqual([{ text: log.comment }]);
      const mine = observations.filter((o) => o.partOf?.[0]?.reference === `Procedure/${procedure.id}`);
      expect(mine.find((o) => o.code.coding?.[0]?.code === "72514-3")?.valueInteger).toBe(log.pain ?? undefined);
      const done = mine.filter((o) => o.code.coding?.[0]?.code === "73985-4").map((o) => o.component!.map((c) => c.valueInteger));
      expect(done).toEqual(log.exercises.map((e) => [e.setsDone, e.setsPlanned]));
      if (log.difficulty)
        expect(mine.some((o) => o.valueCodeableConcept?.text && /Too easy|About right|Too hard/.test(o.valueCodeableConcept.text))).toBe(
          true,
        );
    }
  });

  it("gives the same ids on a second export and nothing for another clinic's patient", async () => {
    const fx = await seedFhirPatient(db());
    const other = await seedFhirPatient(db(), "Other");
    const first = await patientBundle(db(), { clinicId: fx.clinic.id, patientId: fx.patient.id }, BASE);
    const second = await patientBundle(db(), { clinicId: fx.clinic.id, patientId: fx.patient.id }, BASE);
    expect(second!.entry!.map((e) => e.fullUrl)).toEqual(first!.entry!.map((e) => e.fullUrl));
    expect(await patientBundle(db(), { clinicId: fx.clinic.id, patientId: other.patient.id }, BASE)).toBeUndefined();
  });

  it("carries outcome measures as Questionnaire, QuestionnaireResponse and a score Observation, all valid", async () => {
    const fx = await seedFhirPatient(db(), "Outcomes clinic");
    const answered = new Date("2026-01-06T10:00:00Z");
    const imported = importQuestionnaire(
      JSON.stringify({
        resourceType: "Questionnaire",
        title: "Invented scale",
        item: [
          {
            linkId: "a",
            text: "How much?",
            type: "choice",
            answerOption: [0, 1, 2].map((n) => ({
              valueCoding: {
                code: `c${n}`,
                display: `Level ${n}`,
                extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: n }],
              },
            })),
          },
        ],
      }),
      { rule: "percent", mcid: 10, higherIsBetter: false },
    );
    if (!imported.ok) throw new Error(imported.message);
    const [measure] = await db()
      .insert(outcomeMeasures)
      .values({
        clinicId: fx.clinic.id,
        title: imported.measure.title,
        rule: "percent",
        definition: imported.measure,
        questionnaire: imported.questionnaire,
      })
      .returning();
    const base = { clinicId: fx.clinic.id, patientId: fx.patient.id, programmeId: fx.programmeId, version: 1, answeredAt: answered };
    await db()
      .insert(questionnaireResponses)
      .values([
        {
          ...base,
          measure: "psfs",
          title: "PSFS",
          idempotencyKey: "fhir-psfs-0000001",
          answers: [{ linkId: "activity-1", value: 4, label: "Stairs" }],
          score: 4,
          rule: "mean",
        },
        {
          ...base,
          measure: `q-${measure!.id}`,
          title: "Invented scale",
          idempotencyKey: "fhir-q-000000001",
          answers: [{ linkId: "a", value: "c1" }],
          score: 50,
          rule: "percent",
        },
      ]);
    const bundle = (await patientBundle(db(), { clinicId: fx.clinic.id, patientId: fx.patient.id }, BASE))!;
    const resources = bundle.entry!.map((e) => e.resource!);
    const outcome = resources.filter(
      (r) =>
        r.resourceType === "Questionnaire" ||
        r.resourceType === "QuestionnaireResponse" ||
        (r.resourceType === "Observation" && r.code?.text?.includes("score (")),
    );
    expect(outcome.map((r) => r.resourceType).sort()).toEqual([
      "Observation",
      "Observation",
      "Questionnaire",
      "Questionnaire",
      "QuestionnaireResponse",
      "QuestionnaireResponse",
    ]);
    expect(outcome.flatMap(errorsOf)).toEqual([]);
    const psfs = outcome.find(
      (r): r is QuestionnaireResponse => r.resourceType === "QuestionnaireResponse" && r.item?.[0]?.linkId === "activity-1",
    )!;
    expect(psfs.item![0]!.item!.map((i) => i.answer![0])).toEqual([{ valueString: "Stairs" }, { valueInteger: 4 }]);
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    for (const r of outcome.filter((r): r is QuestionnaireResponse => r.resourceType === "QuestionnaireResponse"))
      expect(urls.has(r.questionnaire!)).toBe(true);
  });
});
