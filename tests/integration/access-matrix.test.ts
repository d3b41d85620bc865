import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { questionnaireId } from "@/lib/fhir/questionnaire";
import { phonePhoto } from "@/lib/media/test-support";
import { TEST_PASSWORD } from "../factories";
import { seedAccessFixture, secretsOf, type AccessFixture } from "../access/fixture";
import { listEntryPoints, scanServerEntryPoints } from "../access/scan";
import { changedTables, dumpRows, snapshot, type Snapshot } from "../access/snapshot";
import { actAs, type Claims } from "../mocks/auth.mock";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { describeNavigation } from "../mocks/next-navigation.mock";
import { driver, setupTestDatabase, truncateAll } from "../db";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("next/server", () => import("../mocks/next-server.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

/*
 * THE ACCESS MATRIX. Every server action (each export of a "use server" file) and every
 * route handler (each HTTP-method export of app/**\/route.ts) is found on disk and must
 * be listed here with how to call it. New actions added later fail this test until listed.
 *
 * To add one: a key "<file>#<export>", and either
 *   - access "clinic": touches clinic data. `call` builds its arguments from the fixture
 *     (point every id at the VICTIM clinic's records); `legit` names what the rightful
 *     caller's call changes there, which proves the call reaches real rows. It is then
 *     called as anonymous, as an owner of another clinic, as a disabled clinician, with a
 *     session from before sign-out, and (ownerOnly) as a non-owner of the victim clinic:
 *     none of them may change a row or get back any of the victim's data.
 *   - access "public": reachable without a session by design. `may` says what it may do;
 *     `mayWrite` lists the tables its fixture call may change. It still must not return
 *     the victim's data to anyone.
 */
type Args = (fx: AccessFixture) => unknown[];
/** `callerScoped`: takes no record id and only ever reads the caller's own clinic (a search). */
/** `ownWrites`: tables without a clinic column the call may write for its own caller (a sign-in marker). */
type ClinicEntry = {
  access: "clinic";
  call: Args;
  ownerOnly?: boolean;
  callerScoped?: boolean;
  ownWrites?: string[];
  legit: { as: "owner" | "clinician"; changes: string[] };
};
type PublicEntry = { access: "public"; call: Args; may: string; mayWrite?: string[] };

const formOf = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
/** A form action's arguments: (previous state, form data). */
const form =
  (fields: (fx: AccessFixture) => Record<string, string>): Args =>
  (fx) => [{}, formOf(fields(fx))];
/** A route handler's arguments: (request, { params }). */
const request =
  (method: string, url: string, params: (fx: AccessFixture) => Record<string, string> = () => ({})): Args =>
  (fx) => [new Request(`http://homeplan.test${url}`, { method }), { params: Promise.resolve(params(fx)) }];

/** A FHIR API GET with the attacker's own (valid) clinic API key. */
const fhirCall =
  (url: string, params: (fx: AccessFixture) => Record<string, string> = () => ({})): Args =>
  (fx) => [
    new Request(`http://homeplan.test${url}`, { headers: { authorization: `Bearer ${fx.attackerApiKey}` } }),
    { params: Promise.resolve(params(fx)) },
  ];

const EXERCISE_FORM = {
  name: "Attacker's press",
  purpose: "Anything at all, for the test.",
  category: "strengthen",
  bodyRegion: "hips",
  position: "standing",
  equipment: "none",
  targetMuscles: "quadriceps",
  steps: "Stand up.\nSit down.",
  sets: "2",
  reps: "8",
  holdSeconds: "0",
  restSeconds: "30",
  sides: "none",
  timesPerDay: "1",
  daysPerWeek: "5",
};
const programmeJson = (exerciseId: string) =>
  JSON.stringify({
    title: "Attacker's plan",
    patientNote: "",
    changeNote: "",
    startDate: "",
    reviewDate: "",
    items: [
      { exerciseId, sets: 2, reps: 8, holdSeconds: 0, restSeconds: 30, sides: "none", timesPerDay: 1, daysPerWeek: 5, load: "", note: "" },
    ],
  });

/** A real photo as the upload's body, so the rightful call stores one. */
const PHOTO = await phonePhoto(64, 48);
const uploadCall: Args = (fx) => [
  new Request("http://homeplan.test/catalogue/x/media", {
    method: "POST",
    body: new Uint8Array(PHOTO),
    headers: { "x-alt-text": "Attacker%27s%20photo", "x-shows-patient": fx.victim.patientId },
  }),
  { params: Promise.resolve({ id: fx.victim.exerciseId }) },
];

const MATRIX: Record<string, ClinicEntry | PublicEntry> = {
  // ---------------------------------------------------------------- public
  "app/api/health/route.ts#GET": { access: "public", may: "say whether the database answers", call: request("GET", "/api/health") },
  "app/(auth)/actions.ts#signInAction": {
    access: "public",
    may: "sign in with an email and password; a failure is counted (throttling) and audited",
    call: form((fx) => ({ email: fx.canaries.ownerEmail, password: "a wrong guess" })),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/(auth)/actions.ts#signUpAction": {
    access: "public",
    may: "create a new clinic with its owner; for an email already in use, only queue one email a day to that address saying so",
    call: form((fx) => ({
      clinicName: "Copycat Clinic",
      name: "Mallory",
      email: fx.canaries.ownerEmail,
      password: "pebble orchard violin",
    })),
    mayWrite: ["rate_limits", "email_outbox"],
  },
  "app/(auth)/actions.ts#acceptInvitationAction": {
    access: "public",
    may: "with a valid invitation token (the capability), create that clinician; with any other token, nothing",
    call: form((fx) => ({ token: fx.unknownToken, name: "Mallory", password: "pebble orchard violin", clinicId: fx.victim.clinicId })),
  },
  "app/p/[token]/log/route.ts#POST": {
    access: "public",
    may: "with a live patient link (the capability), store that patient's session log; with any other token, count a miss",
    call: (fx) => [
      new Request("http://homeplan.test/p/x/log", {
        method: "POST",
        body: JSON.stringify({
          idempotencyKey: "attacker-key-000001",
          programmeId: fx.victim.programmeId,
          version: 1,
          startedAt: null,
          completedAt: new Date().toISOString(),
          exercises: [],
          pain: 1,
          difficulty: null,
          comment: "",
        }),
      }),
      { params: Promise.resolve({ token: fx.unknownToken }) },
    ],
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/answers/route.ts#POST": {
    access: "public",
    may: "with a live patient link (the capability), store that patient's answers to a measure their programme asks; with any other token, count a miss",
    call: (fx) => [
      new Request("http://homeplan.test/p/x/answers", {
        method: "POST",
        body: JSON.stringify({
          idempotencyKey: "attacker-answer-0001",
          programmeId: fx.victim.programmeId,
          version: 1,
          measure: "nprs",
          answeredAt: new Date().toISOString(),
          answers: [{ linkId: "pain", value: 1 }],
        }),
      }),
      { params: Promise.resolve({ token: fx.unknownToken }) },
    ],
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/calendar.ics/route.ts#GET": {
    access: "public",
    may: "with a live patient link, give that programme's calendar; with any other token, count a miss",
    call: request("GET", "/p/x/calendar.ics", (fx) => ({ token: fx.unknownToken })),
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/handout.pdf/route.ts#GET": {
    access: "public",
    may: "with a live patient link, give that programme's printable sheet; with any other token, count a miss",
    call: request("GET", "/p/x/handout.pdf", (fx) => ({ token: fx.unknownToken })),
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/reminders/route.ts#POST": {
    access: "public",
    may: "with a live patient link, set that programme's email reminder; with any other token, count a miss",
    call: (fx) => [
      new Request("http://homeplan.test/p/x/reminders", { method: "POST", body: new URLSearchParams({ reminder: "18:00" }) }),
      { params: Promise.resolve({ token: fx.unknownToken }) },
    ],
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/messages/route.ts#POST": {
    access: "public",
    may: "with a live patient link, add the patient's message to that programme's thread (under the log quotas); with any other token, count a miss",
    call: (fx) => [
      new Request("http://homeplan.test/p/x/messages", {
        method: "POST",
        body: new URLSearchParams({ body: "hello", requestId: "attacker-request-01" }),
      }),
      { params: Promise.resolve({ token: fx.unknownToken }) },
    ],
    mayWrite: ["rate_limits"],
  },
  "app/api/unsubscribe/[token]/route.ts#POST": {
    access: "public",
    may: "with a genuine unsubscribe token (the capability, RFC 8058 one-click), turn that programme's reminders off; with any other, nothing",
    call: (fx) => [
      new Request("http://homeplan.test/api/unsubscribe/x", { method: "POST", body: "List-Unsubscribe=One-Click" }),
      { params: Promise.resolve({ token: fx.unknownToken }) },
    ],
  },
  "app/api/unsubscribe/[token]/route.ts#GET": {
    access: "public",
    may: "send the browser to the confirmation page; change nothing",
    call: request("GET", "/api/unsubscribe/x", (fx) => ({ token: fx.unknownToken })),
  },
  "app/c/[code]/actions.ts#openShortCodeAction": {
    access: "public",
    may: "with a live link's short code and the patient's year of birth (the capability), send the browser to that link; with anything else, count a miss",
    // The victim's real code with a wrong year (the patient was born in 1961).
    call: form((fx) => ({ code: fx.victim.linkShortCode, year: "1962" })),
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/media/[mediaId]/[file]/route.ts#GET": {
    access: "public",
    may: "with a live patient link, give a photo or video of an exercise in that programme; with any other token, count a miss",
    call: request("GET", "/p/x/media/y/w480.jpg", (fx) => ({ token: fx.unknownToken, mediaId: fx.victim.mediaId, file: "w480.jpg" })),
    mayWrite: ["rate_limits"],
  },
  "app/dev/patient-preview/log/route.ts#POST": {
    access: "public",
    may: "outside production, accept the preview player's log and store nothing",
    call: request("POST", "/dev/patient-preview/log"),
  },
  "app/api/fhir/R4/metadata/route.ts#GET": {
    access: "public",
    may: "describe the FHIR API (CapabilityStatement)",
    call: request("GET", "/api/fhir/R4/metadata"),
  },
  // The FHIR API's capability is a clinic API key, not a session: called with the attacker's own key on the victim's ids.
  "app/api/fhir/R4/Patient/[id]/route.ts#GET": {
    access: "public",
    may: "with a clinic API key, read that clinic's patient; anything else is 404 (audited and counted against the key)",
    call: fhirCall("/api/fhir/R4/Patient/x", (fx) => ({ id: fx.victim.patientId })),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/api/fhir/R4/Patient/[id]/$everything/route.ts#GET": {
    access: "public",
    may: "with a clinic API key, read that clinic's patient's whole record; anything else is 404",
    call: fhirCall("/api/fhir/R4/Patient/x/$everything", (fx) => ({ id: fx.victim.patientId })),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/api/fhir/R4/CarePlan/route.ts#GET": {
    access: "public",
    may: "with a clinic API key, search that clinic's care plans by patient",
    call: (fx) => fhirCall(`/api/fhir/R4/CarePlan?patient=Patient/${fx.victim.patientId}`)(fx),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/api/fhir/R4/ServiceRequest/route.ts#GET": {
    access: "public",
    may: "with a clinic API key, search that clinic's exercise orders by patient",
    call: (fx) => fhirCall(`/api/fhir/R4/ServiceRequest?patient=${fx.victim.patientId}`)(fx),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/api/fhir/R4/Observation/route.ts#GET": {
    access: "public",
    may: "with a clinic API key, search that clinic's session observations by patient and code",
    call: (fx) => fhirCall(`/api/fhir/R4/Observation?patient=${fx.victim.patientId}&code=72514-3`)(fx),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/api/fhir/R4/QuestionnaireResponse/route.ts#GET": {
    access: "public",
    may: "with a clinic API key, search that clinic's outcome answers (and their scores) by patient",
    call: (fx) => fhirCall(`/api/fhir/R4/QuestionnaireResponse?patient=${fx.victim.patientId}`)(fx),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/api/fhir/R4/Questionnaire/[id]/route.ts#GET": {
    access: "public",
    may: "with a clinic API key, read a built-in measure or one that clinic imported",
    call: fhirCall("/api/fhir/R4/Questionnaire/x", (fx) => ({ id: questionnaireId(fx.victim.measureKey) })),
    mayWrite: ["rate_limits", "audit_events"],
  },
  // ---------------------------------------------------------------- signed-in clinicians
  "app/api/catalogue/search/route.ts#GET": {
    access: "clinic",
    call: () => [new Request("http://homeplan.test/api/catalogue/search?q=canary"), { params: Promise.resolve({}) }],
    callerScoped: true,
    legit: { as: "clinician", changes: [] },
  },
  "app/api/patients/search/route.ts#GET": {
    access: "clinic",
    // The victim's patient by name: the attacker's clinic must find nobody.
    call: (fx) => [
      new Request(`http://homeplan.test/api/patients/search?q=${encodeURIComponent(fx.canaries.patientName)}`),
      { params: Promise.resolve({}) },
    ],
    callerScoped: true,
    legit: { as: "clinician", changes: [] },
  },
  "app/(portal)/programmes/[id]/handout.pdf/route.ts#GET": {
    access: "clinic",
    call: request("GET", "/programmes/x/handout.pdf", (fx) => ({ id: fx.victim.programmeId })),
    legit: { as: "clinician", changes: ["audit_events"] },
  },
  "app/(portal)/patients/[id]/fhir-bundle.json/route.ts#GET": {
    access: "clinic",
    // The whole record, like record.zip: owners and the clinicians treating the patient.
    ownerOnly: true,
    call: request("GET", "/patients/x/fhir-bundle.json", (fx) => ({ id: fx.victim.patientId })),
    legit: { as: "owner", changes: ["audit_events"] },
  },
  "app/(portal)/catalogue/actions.ts#createExerciseAction": {
    access: "clinic",
    call: form((fx) => ({ ...EXERCISE_FORM, basedOnId: fx.victim.exerciseId, clinicId: fx.victim.clinicId })),
    legit: { as: "clinician", changes: ["exercises", "audit_events"] },
  },
  "app/(portal)/catalogue/actions.ts#updateExerciseAction": {
    access: "clinic",
    call: form((fx) => ({ ...EXERCISE_FORM, id: fx.victim.exerciseId })),
    legit: { as: "clinician", changes: ["exercises", "audit_events"] },
  },
  "app/(portal)/catalogue/actions.ts#retireExerciseAction": {
    access: "clinic",
    call: form((fx) => ({ id: fx.victim.exerciseId, retired: "true" })),
    legit: { as: "clinician", changes: ["exercises", "audit_events"] },
  },
  "app/(portal)/catalogue/[id]/media/route.ts#POST": {
    access: "clinic",
    call: uploadCall,
    legit: { as: "clinician", changes: ["exercise_media", "audit_events"] },
  },
  "app/(portal)/catalogue/[id]/media/[mediaId]/[file]/route.ts#GET": {
    access: "clinic",
    call: request("GET", "/catalogue/x/media/y/w480.jpg", (fx) => ({
      id: fx.victim.exerciseId,
      mediaId: fx.victim.mediaId,
      file: "w480.jpg",
    })),
    legit: { as: "clinician", changes: [] },
  },
  "app/(portal)/catalogue/media-actions.ts#removeMediaAction": {
    access: "clinic",
    call: form((fx) => ({ id: fx.victim.mediaId })),
    legit: { as: "clinician", changes: ["exercise_media", "audit_events"] },
  },
  "app/(portal)/patients/actions.ts#createPatientAction": {
    access: "clinic",
    call: form((fx) => ({ name: "New Patient", email: "new.patient@example.org", clinicId: fx.victim.clinicId })),
    legit: { as: "clinician", changes: ["patients", "audit_events"] },
  },
  "app/(portal)/patients/actions.ts#updatePatientAction": {
    access: "clinic",
    call: form((fx) => ({ id: fx.victim.patientId, name: "Renamed Patient", email: "renamed@example.org" })),
    legit: { as: "clinician", changes: ["patients", "audit_events"] },
  },
  "app/(portal)/patients/actions.ts#archivePatientAction": {
    access: "clinic",
    call: form((fx) => ({ id: fx.victim.patientId, archived: "true" })),
    legit: { as: "clinician", changes: ["patients", "audit_events"] },
  },
  "app/(portal)/programmes/actions.ts#saveProgrammeAction": {
    access: "clinic",
    call: form((fx) => ({
      kind: "programme",
      programmeId: fx.victim.programmeId,
      patientId: fx.victim.patientId,
      baseVersion: "1",
      content: programmeJson(fx.victim.exerciseId),
    })),
    legit: { as: "clinician", changes: ["programmes", "programme_versions", "programme_items", "audit_events"] },
  },
  "app/(portal)/programmes/actions.ts#saveAsTemplateAction": {
    access: "clinic",
    call: form((fx) => ({ content: programmeJson(fx.victim.exerciseId) })),
    legit: { as: "clinician", changes: ["programmes", "programme_versions", "programme_items", "audit_events"] },
  },
  "app/(portal)/programmes/link-actions.ts#issueLinkAction": {
    access: "clinic",
    call: form((fx) => ({ programmeId: fx.victim.programmeId })),
    legit: { as: "clinician", changes: ["patient_links", "audit_events"] },
  },
  "app/(portal)/programmes/link-actions.ts#sendLinkEmailAction": {
    access: "clinic",
    call: form((fx) => ({ programmeId: fx.victim.programmeId, requestId: randomUUID() })),
    legit: { as: "clinician", changes: ["email_outbox", "audit_events"] },
  },
  "app/(portal)/programmes/link-actions.ts#revokeLinkAction": {
    access: "clinic",
    call: form((fx) => ({ programmeId: fx.victim.programmeId })),
    legit: { as: "clinician", changes: ["patient_links", "audit_events"] },
  },
  "app/(auth)/actions.ts#signOutAction": {
    access: "clinic",
    call: () => [],
    legit: { as: "clinician", changes: ["clinicians", "audit_events"] },
  },
  "app/(portal)/account/actions.ts#updateNameAction": {
    access: "clinic",
    call: form((fx) => ({ name: "Renamed By Attacker", id: fx.victim.clinician.id, clinicId: fx.victim.clinicId })),
    legit: { as: "clinician", changes: ["clinicians", "audit_events"] },
  },
  "app/(portal)/account/actions.ts#changePasswordAction": {
    access: "clinic",
    call: form((fx) => ({ currentPassword: TEST_PASSWORD, newPassword: "lantern pebble orchard", id: fx.victim.clinician.id })),
    // Signing the caller in again remembers their address for their own account.
    ownWrites: ["rate_limits"],
    legit: { as: "clinician", changes: ["clinicians", "audit_events"] },
  },
  "app/(portal)/patients/reply-actions.ts#replyToSessionAction": {
    access: "clinic",
    call: form((fx) => ({ sessionLogId: fx.victim.sessionLogId, body: "Attacker's reply", requestId: "attacker-request-01" })),
    legit: { as: "clinician", changes: ["programme_messages", "audit_events", "email_outbox"] },
  },
  "app/(portal)/patients/reply-actions.ts#replyToThreadAction": {
    access: "clinic",
    call: form((fx) => ({ programmeId: fx.victim.programmeId, body: "Attacker's answer", requestId: "attacker-request-02" })),
    legit: { as: "clinician", changes: ["programme_messages", "audit_events", "email_outbox"] },
  },
  "app/(portal)/mailbox/actions.ts#retryEmailAction": {
    access: "clinic",
    call: form((fx) => ({ id: fx.victim.failedEmailId })),
    legit: { as: "clinician", changes: ["email_outbox", "audit_events"] },
  },
  // ---------------------------------------------------------------- owners
  "app/(portal)/patients/[id]/record.zip/route.ts#GET": {
    access: "clinic",
    // Owners and the clinicians treating the patient; the fixture's clinician treats nobody, so is refused as a non-owner.
    ownerOnly: true,
    call: request("GET", "/patients/x/record.zip", (fx) => ({ id: fx.victim.patientId })),
    legit: { as: "owner", changes: ["audit_events"] },
  },
  "app/(portal)/patients/erase-actions.ts#erasePatientAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({ id: fx.victim.patientId, reason: "patient_request", confirmName: fx.canaries.patientName })),
    legit: {
      as: "owner",
      changes: [
        "patients",
        "programmes",
        "programme_versions",
        "programme_items",
        "patient_links",
        "session_logs",
        "email_outbox",
        "audit_events",
      ],
    },
  },
  "app/(portal)/settings/actions.ts#updateClinicAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({
      name: "Hijacked Clinic",
      address: "",
      phone: "",
      paperSize: "LETTER",
      id: fx.victim.clinicId,
      clinicId: fx.victim.clinicId,
    })),
    legit: { as: "owner", changes: ["clinics", "audit_events"] },
  },
  "app/(portal)/settings/actions.ts#inviteClinicianAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({
      email: "new.colleague@example.org",
      name: "New Colleague",
      role: "owner",
      requestId: randomUUID(),
      clinicId: fx.victim.clinicId,
    })),
    legit: { as: "owner", changes: ["invitations", "email_outbox", "audit_events"] },
  },
  "app/(portal)/settings/actions.ts#revokeInvitationAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({ id: fx.victim.invitationId })),
    legit: { as: "owner", changes: ["invitations", "audit_events"] },
  },
  "app/(portal)/settings/actions.ts#disableClinicianAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({ id: fx.victim.colleague.id })),
    legit: { as: "owner", changes: ["clinicians", "audit_events"] },
  },
  "app/(portal)/settings/api-key-actions.ts#createApiKeyAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({ name: "Attacker's EHR", clinicId: fx.victim.clinicId })),
    legit: { as: "owner", changes: ["api_keys", "audit_events"] },
  },
  "app/(portal)/programmes/outcome-actions.ts#saveOutcomeScheduleAction": {
    access: "clinic",
    call: form((fx) => ({ programmeId: fx.victim.programmeId, start: "nprs", "weeks:psfs": "4" })),
    legit: { as: "clinician", changes: ["outcome_schedules", "audit_events"] },
  },
  "app/(portal)/settings/outcome-actions.ts#importQuestionnaireAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({
      json: JSON.stringify({
        resourceType: "Questionnaire",
        title: "Attacker's scale",
        item: [{ linkId: "a", type: "integer", text: "How much?" }],
      }),
      rule: "sum",
      mcid: "",
      direction: "lower",
      clinicId: fx.victim.clinicId,
    })),
    legit: { as: "owner", changes: ["outcome_measures", "audit_events"] },
  },
  "app/(portal)/settings/outcome-actions.ts#archiveMeasureAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({ id: fx.victim.measureKey })),
    legit: { as: "owner", changes: ["outcome_measures", "audit_events"] },
  },
  "app/(portal)/settings/api-key-actions.ts#revokeApiKeyAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({ id: fx.victim.apiKeyId })),
    legit: { as: "owner", changes: ["api_keys", "audit_events"] },
  },
  "app/(portal)/settings/actions.ts#enableClinicianAction": {
    access: "clinic",
    ownerOnly: true,
    call: form((fx) => ({ id: fx.victim.disabled.id })),
    legit: { as: "owner", changes: ["clinicians", "audit_events"] },
  },
};

// ---------------------------------------------------------------- the callers

type Person = { id: string; clinicId: string; role: "owner" | "clinician"; sessionVersion: number };
const claimsOf = (p: Person): Claims => ({ id: p.id, clinicId: p.clinicId, role: p.role, sessionVersion: p.sessionVersion });

/** `victimOnly`: the caller has a clinic of its own, where its own actions may write. */
type Actor = { name: string; claims: (fx: AccessFixture) => Claims | null; victimOnly?: boolean };
const ACTORS: Actor[] = [
  { name: "anonymous", claims: () => null },
  { name: "an owner of another clinic", claims: (fx) => claimsOf(fx.attacker), victimOnly: true },
  { name: "a disabled clinician (an owner) of the clinic", claims: (fx) => claimsOf(fx.victim.disabled) },
  {
    name: "a session from before sign-out",
    claims: (fx) => ({ ...claimsOf(fx.victim.owner), sessionVersion: fx.victim.owner.sessionVersion - 1 }),
  },
];
const NOT_OWNER: Actor = { name: "a clinician of the clinic who is not an owner", claims: (fx) => claimsOf(fx.victim.clinician) };

// ---------------------------------------------------------------- running one call

type Outcome = { text: string; status?: number; crash?: string };

async function invoke(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<Outcome> {
  try {
    const result = await fn(...args);
    if (result instanceof Response) return { text: `${[...result.headers].join("\n")}\n${await result.text()}`, status: result.status };
    return { text: JSON.stringify(result ?? null) };
  } catch (error) {
    const navigation = describeNavigation(error);
    if (navigation) return { text: navigation };
    return { text: String((error as Error)?.message), crash: String((error as Error)?.stack ?? error) };
  }
}

function inputText(args: unknown[]): string {
  return args
    .map((arg) =>
      arg instanceof FormData ? JSON.stringify([...arg.entries()]) : arg instanceof Request ? arg.url : JSON.stringify(arg ?? null),
    )
    .join(" ");
}

/** Victim data in the answer, other than what the caller itself sent. */
const leaksIn = (fx: AccessFixture, outcome: Outcome, input: string) =>
  [...secretsOf(fx), "$argon2"].filter((s) => !input.includes(s) && outcome.text.includes(s));

// ---------------------------------------------------------------- the tests

const { files, inline } = scanServerEntryPoints();
const found = await listEntryPoints(files);
const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

async function freshFixture(): Promise<AccessFixture> {
  await truncateAll(db());
  return seedAccessFixture(db());
}

describe(`access matrix on ${driver}`, () => {
  it("lists every server action and route handler found on disk", () => {
    const missing = [...found.keys()].filter((key) => !(key in MATRIX));
    expect(
      missing,
      `Found on disk but not in the access matrix: add each to MATRIX in tests/integration/access-matrix.test.ts (New actions added later fail this test until listed).`,
    ).toEqual([]);
    const stale = Object.keys(MATRIX).filter((key) => !found.has(key));
    expect(stale, "Listed in the access matrix but no longer on disk: remove or rename them.").toEqual([]);
    expect(found.size).toBeGreaterThanOrEqual(Object.keys(MATRIX).length);
  });

  it("finds no inline server actions, which the matrix could not enumerate", () => {
    expect(inline, 'Move each inline "use server" function into an actions file (a file that starts with "use server").').toEqual([]);
  });

  const listed = [...found.entries()].filter(([key]) => key in MATRIX);
  it.each(listed.map(([key, entry]) => [key, entry] as const))("%s", async (key, { fn, kind }) => {
    const entry = MATRIX[key]!;
    const actors = entry.access === "clinic" && entry.ownerOnly ? [...ACTORS, NOT_OWNER] : ACTORS;
    // A refused call leaves the fixture as it was, so the next caller reuses it; any change
    // at all (even one the entry may make) means a fresh fixture for the next.
    let fx: AccessFixture | undefined;
    let untouched: Snapshot | undefined;
    const fixture = async () => {
      if (!fx || !untouched || changedTables(untouched, await snapshot(db())).length) {
        fx = await freshFixture();
        untouched = await snapshot(db());
      }
      return fx;
    };
    for (const actor of actors) {
      const fx = await fixture();
      const args = entry.call(fx);
      const scope = entry.access === "clinic" && actor.victimOnly ? fx.victim.clinicId : undefined;
      const before = await snapshot(db(), scope);
      actAs(actor.claims(fx));
      const outcome = await invoke(fn, args);
      const after = await snapshot(db(), scope);

      const allowed = entry.access === "public" ? (entry.mayWrite ?? []) : actor.victimOnly ? (entry.ownWrites ?? []) : [];
      const changed = changedTables(before, after).filter((t) => !allowed.includes(t.split(" ")[0]!));
      expect(changed, `${key} called by ${actor.name} changed rows`).toEqual([]);
      expect(leaksIn(fx, outcome, inputText(args)), `${key} returned the victim's data to ${actor.name}`).toEqual([]);
      expect(outcome.crash, `${key} failed with an error (a 500) for ${actor.name}`).toBeUndefined();
      if (entry.access === "clinic" && kind === "route" && !(entry.callerScoped && actor.victimOnly))
        expect(outcome.status, `${key} answered ${actor.name} with success`).toBeGreaterThanOrEqual(300);
      if (entry.access === "clinic" && actor.victimOnly) {
        const elsewhere = await dumpRows(db(), fx.victim.clinicId);
        const copied = secretsOf(fx).filter((s) => !inputText(args).includes(s) && elsewhere.includes(s));
        expect(copied, `${key} copied the victim's data outside the victim's clinic for ${actor.name}`).toEqual([]);
      }
    }

    if (entry.access === "clinic") {
      // The rightful caller's call does reach the victim's rows, so the refusals above mean something.
      const fx = await fixture();
      const args = entry.call(fx);
      const before = await snapshot(db(), fx.victim.clinicId);
      actAs(claimsOf(entry.legit.as === "owner" ? fx.victim.owner : fx.victim.clinician));
      const outcome = await invoke(fn, args);
      const changed = changedTables(before, await snapshot(db(), fx.victim.clinicId)).map((t) => t.split(" ")[0]);
      expect(outcome.crash, `${key} failed for its rightful caller`).toBeUndefined();
      expect(changed, `${key} called by its rightful caller (${entry.legit.as}) with the fixture: ${outcome.text.slice(0, 300)}`).toEqual(
        expect.arrayContaining(entry.legit.changes),
      );
    }
  });
});
