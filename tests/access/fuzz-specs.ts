import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { env } from "@/lib/env";
import { questionnaireId } from "@/lib/fhir/questionnaire";
import { linkKey } from "@/lib/links/token";
import { unsubscribeKey, unsubscribeToken } from "@/lib/links/unsubscribe";
import { TEST_PASSWORD } from "../factories";
import type { AccessFixture } from "./fixture";
import { actionInput, hostileJson, requestBody, routeRequest, type ActionInput, type RequestShape } from "./fuzz-inputs";

/*
 * How to fuzz each server action and route handler. Keyed like the access matrix
 * ("<file>#<export>"); an entry point found on disk without an entry here fails the fuzz
 * suite. `as` is who calls it (the fixture clinic's clinician, its owner for owner-only
 * actions, nobody for public ones). `mayWrite` lists bookkeeping tables a refused call
 * may still change (a failed sign-in is counted and audited).
 */
export type Caller = "anonymous" | "clinician" | "owner";
export type FuzzSpec =
  | { kind: "action"; as: Caller; input: (fx: AccessFixture) => fc.Arbitrary<ActionInput>; mayWrite?: string[] }
  | { kind: "route"; as: Caller; input: (fx: AccessFixture) => fc.Arbitrary<RequestShape>; mayWrite?: string[] };

const good = (...values: string[]) => fc.constantFrom(...values);
const anyToken = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("base64url"));
const uuidOr = (...ids: string[]) => fc.oneof(fc.constantFrom(...ids), fc.uuid());

/** A JSON object shaped like `model`, each field kept, dropped or swapped for a hostile value. */
function mutated(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(
    Object.entries(model).map(([k, v]) => [k, fc.oneof({ weight: 4, arbitrary: v }, { weight: 1, arbitrary: hostileJson })]),
  );
  return fc.record(fields, { requiredKeys: Object.keys(model).filter((_, i) => i % 2 === 0) });
}

const DOSE = {
  sets: fc.constant(2),
  reps: fc.constant(8),
  holdSeconds: fc.constant(0),
  restSeconds: fc.constant(30),
  sides: fc.constant("none"),
  timesPerDay: fc.constant(1),
  daysPerWeek: fc.constant(5),
  load: fc.constant(""),
  note: fc.constant(""),
};
const programmeJson = (fx: AccessFixture) =>
  mutated({
    title: fc.constant("Settling your back"),
    patientNote: fc.constant(""),
    changeNote: fc.constant(""),
    startDate: fc.constantFrom("", "2026-01-05"),
    reviewDate: fc.constantFrom("", "2026-03-01"),
    items: fc.array(mutated({ exerciseId: uuidOr(fx.victim.exerciseId), ...DOSE }), { maxLength: 3 }),
  }).map((v) => JSON.stringify(v));

const EXERCISE_FIELDS = {
  name: good("Wall press"),
  purpose: good("Strength for stairs."),
  category: good("strengthen", "mobilise"),
  bodyRegion: good("hips"),
  position: good("standing"),
  equipment: good("none", "band"),
  targetMuscles: good("quadriceps"),
  steps: good("Stand up.\nSit down."),
  sets: good("2"),
  reps: good("8"),
  holdSeconds: good("0"),
  restSeconds: good("30"),
  sides: good("none"),
  timesPerDay: good("1"),
  daysPerWeek: good("5"),
};

const sessionLog = (fx: AccessFixture) =>
  mutated({
    idempotencyKey: fc.constantFrom("fuzz-key-000000000001", "fuzz-key-000000000002"),
    programmeId: fc.constant(fx.victim.programmeId),
    version: fc.constant(1),
    startedAt: fc.constant(null),
    completedAt: fc.constant(new Date(Date.now() - 60_000).toISOString()),
    exercises: fc.array(
      mutated({
        position: fc.constant(0),
        exerciseId: fc.constant(fx.victim.exerciseId),
        setsDone: fc.constant(2),
        setsPlanned: fc.constant(2),
        skipped: fc.constant(false),
      }),
      { maxLength: 3 },
    ),
    pain: fc.constant(3),
    difficulty: fc.constant("about_right"),
    comment: fc.constant(""),
  });

const answers = (fx: AccessFixture) =>
  mutated({
    idempotencyKey: fc.constantFrom("fuzz-answer-00000001", "fuzz-answer-00000002"),
    programmeId: fc.constant(fx.victim.programmeId),
    version: fc.constantFrom(1, 2),
    measure: fc.constantFrom("psfs", "nprs", fx.victim.measureKey),
    answeredAt: fc.constant(new Date(Date.now() - 60_000).toISOString()),
    answers: fc.array(
      mutated({
        linkId: fc.constantFrom("activity-1", "pain", "a", "zz"),
        value: fc.constantFrom(4, 11, -1, 2.5, "x"),
        label: fc.constantFrom("", "Stairs"),
      }),
      { maxLength: 3 },
    ),
  });

/** The genuine one-click unsubscribe token of the fixture's programme (which has no reminder on). */
const victimUnsubscribe = (fx: AccessFixture) =>
  unsubscribeToken({ clinicId: fx.victim.clinicId, programmeId: fx.victim.programmeId }, unsubscribeKey(linkKey(env().AUTH_SECRET)));

export const FUZZ: Record<string, FuzzSpec> = {
  // ---------------------------------------------------------------- public actions
  "app/(auth)/actions.ts#signInAction": {
    kind: "action",
    as: "anonymous",
    input: (fx) =>
      actionInput({
        email: good(fx.canaries.ownerEmail, "nobody@example.org"),
        password: good("a wrong guess"),
        next: good("/dashboard", "//evil.example"),
      }),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/(auth)/actions.ts#signUpAction": {
    kind: "action",
    as: "anonymous",
    input: (fx) =>
      actionInput({
        clinicName: good("Fuzz Clinic"),
        name: good("Fuzz Owner"),
        email: good(fx.canaries.ownerEmail),
        password: good("short"),
      }),
    mayWrite: ["rate_limits"],
  },
  "app/(auth)/actions.ts#acceptInvitationAction": {
    kind: "action",
    as: "anonymous",
    input: (fx) => actionInput({ token: fc.oneof(good(fx.unknownToken), anyToken), name: good("Fuzz Person"), password: good("short") }),
  },
  // ---------------------------------------------------------------- clinicians
  "app/(auth)/actions.ts#signOutAction": { kind: "action", as: "clinician", input: () => actionInput({}) },
  "app/(portal)/account/actions.ts#updateNameAction": {
    kind: "action",
    as: "clinician",
    input: () => actionInput({ name: good("Cedric M.") }),
  },
  "app/(portal)/account/actions.ts#changePasswordAction": {
    kind: "action",
    as: "clinician",
    input: () => actionInput({ currentPassword: good("not the password"), newPassword: good("lantern pebble orchard", TEST_PASSWORD) }),
    mayWrite: ["rate_limits", "audit_events"],
  },
  "app/(portal)/catalogue/actions.ts#createExerciseAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ ...EXERCISE_FIELDS, basedOnId: uuidOr(fx.victim.exerciseId) }),
  },
  "app/(portal)/catalogue/actions.ts#updateExerciseAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ ...EXERCISE_FIELDS, id: uuidOr(fx.victim.exerciseId) }),
  },
  "app/(portal)/catalogue/actions.ts#retireExerciseAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ id: uuidOr(fx.victim.exerciseId), retired: good("true", "false") }),
  },
  "app/(portal)/catalogue/media-actions.ts#removeMediaAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ id: uuidOr(fx.victim.mediaId) }),
  },
  "app/(portal)/patients/actions.ts#createPatientAction": {
    kind: "action",
    as: "clinician",
    input: () =>
      actionInput({
        name: good("Fuzz Patient"),
        email: good("fuzz.patient@example.org"),
        dateOfBirth: good("", "1960-01-01"),
        notes: good(""),
      }),
  },
  "app/(portal)/patients/actions.ts#updatePatientAction": {
    kind: "action",
    as: "clinician",
    input: (fx) =>
      actionInput({
        id: uuidOr(fx.victim.patientId),
        name: good("Fuzz Patient"),
        email: good("fuzz.patient@example.org"),
        dateOfBirth: good("", "1960-01-01"),
        notes: good(""),
      }),
  },
  "app/(portal)/patients/actions.ts#archivePatientAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ id: uuidOr(fx.victim.patientId), archived: good("true", "false") }),
  },
  "app/(portal)/programmes/actions.ts#saveProgrammeAction": {
    kind: "action",
    as: "clinician",
    input: (fx) =>
      actionInput({
        kind: good("programme", "template"),
        programmeId: uuidOr(fx.victim.programmeId),
        patientId: uuidOr(fx.victim.patientId),
        baseVersion: good("1", "0"),
        content: programmeJson(fx),
      }),
  },
  "app/(portal)/programmes/actions.ts#saveAsTemplateAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ content: programmeJson(fx) }),
  },
  "app/(portal)/programmes/link-actions.ts#issueLinkAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ programmeId: uuidOr(fx.victim.programmeId) }),
  },
  "app/(portal)/programmes/link-actions.ts#revokeLinkAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ programmeId: uuidOr(fx.victim.programmeId) }),
  },
  "app/(portal)/programmes/link-actions.ts#sendLinkEmailAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ programmeId: uuidOr(fx.victim.programmeId), requestId: fc.uuid() }),
  },
  "app/(portal)/programmes/outcome-actions.ts#saveOutcomeScheduleAction": {
    kind: "action",
    as: "clinician",
    input: (fx) =>
      actionInput({
        programmeId: uuidOr(fx.victim.programmeId),
        start: good("psfs", "nprs", "q-00000000-0000-0000-0000-000000000000", "bogus"),
        review: good("nprs", fx.victim.measureKey),
        "weeks:psfs": good("", "2", "13", "0", "x"),
      }),
  },
  "app/(portal)/patients/reply-actions.ts#replyToSessionAction": {
    kind: "action",
    as: "clinician",
    input: (fx) =>
      actionInput({
        sessionLogId: uuidOr(fx.victim.sessionLogId),
        body: good("Well done, keep going.", " ", "a\u0000b"),
        requestId: good("fuzz-request-0001", "short"),
      }),
    mayWrite: ["programme_messages", "audit_events", "email_outbox"],
  },
  "app/(portal)/patients/reply-actions.ts#replyToThreadAction": {
    kind: "action",
    as: "clinician",
    input: (fx) =>
      actionInput({
        programmeId: uuidOr(fx.victim.programmeId),
        body: good("Yes, that is expected.", " ", "a\u0000b"),
        requestId: good("fuzz-request-0002", "short"),
      }),
    mayWrite: ["programme_messages", "audit_events", "email_outbox"],
  },
  "app/(portal)/mailbox/actions.ts#retryEmailAction": {
    kind: "action",
    as: "clinician",
    input: (fx) => actionInput({ id: uuidOr(fx.victim.failedEmailId) }),
  },
  // ---------------------------------------------------------------- owners
  "app/(portal)/settings/actions.ts#updateClinicAction": {
    kind: "action",
    as: "owner",
    input: () =>
      actionInput({
        name: good("Fuzz Clinic"),
        address: good(""),
        phone: good(""),
        paperSize: good("A4", "LETTER"),
        timeZone: good("", "Europe/London", "Mars/Base"),
      }),
  },
  "app/(portal)/settings/actions.ts#inviteClinicianAction": {
    kind: "action",
    as: "owner",
    input: (fx) =>
      actionInput({
        email: good("new.colleague@example.org", fx.canaries.clinicianEmail),
        name: good("New Colleague"),
        role: good("owner", "clinician"),
        requestId: good(randomUUID()),
      }),
  },
  "app/(portal)/settings/actions.ts#revokeInvitationAction": {
    kind: "action",
    as: "owner",
    input: (fx) => actionInput({ id: uuidOr(fx.victim.invitationId) }),
  },
  "app/(portal)/settings/actions.ts#disableClinicianAction": {
    kind: "action",
    as: "owner",
    input: (fx) => actionInput({ id: uuidOr(fx.victim.colleague.id, fx.victim.owner.id, fx.attacker.id) }),
  },
  "app/(portal)/settings/actions.ts#enableClinicianAction": {
    kind: "action",
    as: "owner",
    input: (fx) => actionInput({ id: uuidOr(fx.victim.disabled.id, fx.attacker.id) }),
  },
  "app/(portal)/settings/outcome-actions.ts#importQuestionnaireAction": {
    kind: "action",
    as: "owner",
    // Only questionnaires Homeplan must refuse: a valid import is not bad input.
    input: () =>
      actionInput({
        json: good(
          "",
          "{",
          '{"resourceType":"Patient"}',
          '{"resourceType":"Questionnaire","title":"X","item":[{"linkId":"a","type":"date","text":"When?"}]}',
          '{"resourceType":"Questionnaire","title":"X","item":[{"linkId":"a","type":"choice","text":"Q","answerOption":[{"valueCoding":{"code":"1"}},{"valueCoding":{"code":"2"}}]}]}',
        ),
        rule: good("sum", "mean", "percent", "median"),
        mcid: good("", "2", "-1", "abc"),
        direction: good("higher", "lower", "sideways"),
      }),
  },
  "app/(portal)/settings/outcome-actions.ts#archiveMeasureAction": {
    kind: "action",
    as: "owner",
    input: () => actionInput({ id: good("psfs", "q-00000000-0000-0000-0000-000000000000", "q-x") }),
  },
  "app/(portal)/patients/erase-actions.ts#erasePatientAction": {
    kind: "action",
    as: "owner",
    // Never the patient's exact name: a real erasure is not bad input.
    input: (fx) =>
      actionInput({
        id: uuidOr(fx.victim.patientId),
        reason: good("patient_request", "data_retention", "entered_in_error", "other"),
        confirmName: good("Someone else", ""),
      }),
  },
  "app/(portal)/settings/api-key-actions.ts#createApiKeyAction": {
    kind: "action",
    as: "owner",
    input: () => actionInput({ name: good("", " ") }),
  },
  "app/(portal)/settings/api-key-actions.ts#revokeApiKeyAction": {
    kind: "action",
    as: "owner",
    input: () => actionInput({ id: fc.uuid() }),
  },
  "app/c/[code]/actions.ts#openShortCodeAction": {
    kind: "action",
    as: "anonymous",
    input: (fx) => actionInput({ code: good(fx.victim.linkShortCode, "7KQ4-M2XP", "oooo-llll"), year: good("1962", "0", "99999", "") }),
    mayWrite: ["rate_limits"],
  },
  // ---------------------------------------------------------------- routes
  "app/api/health/route.ts#GET": { kind: "route", as: "anonymous", input: () => routeRequest({ method: "GET", path: "/api/health" }) },
  "app/api/catalogue/search/route.ts#GET": {
    kind: "route",
    as: "clinician",
    input: () =>
      routeRequest({ method: "GET", path: "/api/catalogue/search", query: ["q", "category", "position", "equipment", "region"] }),
  },
  "app/api/patients/search/route.ts#GET": {
    kind: "route",
    as: "clinician",
    input: () => routeRequest({ method: "GET", path: "/api/patients/search", query: ["q"] }),
  },
  "app/(portal)/programmes/[id]/handout.pdf/route.ts#GET": {
    kind: "route",
    as: "clinician",
    // Only ids that are not a live programme: a real one renders a whole PDF, which is not bad input.
    input: () => routeRequest({ method: "GET", path: "/programmes/x/handout.pdf", params: { id: fc.uuid() } }),
  },
  "app/p/[token]/calendar.ics/route.ts#GET": {
    kind: "route",
    as: "anonymous",
    input: (fx) =>
      routeRequest({ method: "GET", path: "/p/x/calendar.ics", params: { token: fc.oneof(good(fx.victim.linkToken), anyToken) } }),
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/handout.pdf/route.ts#GET": {
    kind: "route",
    as: "anonymous",
    input: () => routeRequest({ method: "GET", path: "/p/x/handout.pdf", params: { token: anyToken } }),
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/log/route.ts#POST": {
    kind: "route",
    as: "anonymous",
    input: (fx) =>
      // The live link, so the body is always read: misses are the other routes' concern.
      routeRequest({ method: "POST", path: "/p/x/log", params: { token: good(fx.victim.linkToken) }, body: requestBody(sessionLog(fx)) }),
    mayWrite: ["rate_limits"],
  },
  "app/(portal)/catalogue/[id]/media/route.ts#POST": {
    kind: "route",
    as: "clinician",
    // Never a real photo: a stored upload is not bad input. Text, JSON and binary noise as the file.
    input: (fx) =>
      routeRequest({
        method: "POST",
        path: "/catalogue/x/media",
        params: { id: uuidOr(fx.victim.exerciseId) },
        headers: fc.subarray([
          ["x-alt-text", "Wall%20press"],
          ["x-shows-patient", fx.victim.patientId],
          ["x-alt-text", "%E0%A4%A"],
        ] as [string, string][]),
        body: requestBody(),
      }),
  },
  "app/(portal)/catalogue/[id]/media/[mediaId]/[file]/route.ts#GET": {
    kind: "route",
    as: "clinician",
    input: (fx) =>
      routeRequest({
        method: "GET",
        path: "/catalogue/x/media/y/z",
        params: {
          id: uuidOr(fx.victim.exerciseId),
          mediaId: uuidOr(fx.victim.mediaId),
          file: good("w480.jpg", "w960.webp", "video", "../../etc/passwd"),
        },
      }),
  },
  "app/p/[token]/media/[mediaId]/[file]/route.ts#GET": {
    kind: "route",
    as: "anonymous",
    input: (fx) =>
      routeRequest({
        method: "GET",
        path: "/p/x/media/y/z",
        params: {
          token: fc.oneof(good(fx.victim.linkToken), anyToken),
          mediaId: uuidOr(fx.victim.mediaId),
          file: good("w480.jpg", "video"),
        },
      }),
    // A wrong token counts against the address's link-guessing limit, as on every patient route.
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/answers/route.ts#POST": {
    kind: "route",
    as: "anonymous",
    input: (fx) =>
      routeRequest({ method: "POST", path: "/p/x/answers", params: { token: good(fx.victim.linkToken) }, body: requestBody(answers(fx)) }),
    mayWrite: ["rate_limits"],
  },
  "app/p/[token]/reminders/route.ts#POST": {
    kind: "route",
    as: "anonymous",
    // The live link, so the form is always read; a good choice is stored (and audited).
    input: (fx) =>
      routeRequest({
        method: "POST",
        path: "/p/x/reminders",
        params: { token: good(fx.victim.linkToken) },
        body: fc.oneof(
          requestBody(),
          good("reminder=off", "reminder=18%3A00", "reminder=23%3A00", "reminder=", "reminder=18%3A00&reminder=off"),
        ),
      }),
    mayWrite: ["rate_limits", "reminder_settings", "audit_events"],
  },
  "app/p/[token]/messages/route.ts#POST": {
    kind: "route",
    as: "anonymous",
    input: (fx) =>
      routeRequest({
        method: "POST",
        path: "/p/x/messages",
        params: { token: good(fx.victim.linkToken) },
        body: fc.oneof(
          requestBody(),
          good("body=Thanks&requestId=fuzz-request-0001", "body=&requestId=fuzz-request-0002", "body=%00&requestId=x"),
        ),
      }),
    mayWrite: ["rate_limits", "programme_messages", "audit_events"],
  },
  "app/api/unsubscribe/[token]/route.ts#POST": {
    kind: "route",
    as: "anonymous",
    input: (fx) =>
      routeRequest({
        method: "POST",
        path: "/api/unsubscribe/x",
        params: { token: fc.oneof(good(victimUnsubscribe(fx)), anyToken, fc.string({ maxLength: 80 })) },
        body: fc.oneof(requestBody(), good("List-Unsubscribe=One-Click")),
      }),
  },
  "app/api/unsubscribe/[token]/route.ts#GET": {
    kind: "route",
    as: "anonymous",
    input: (fx) =>
      routeRequest({
        method: "GET",
        path: "/api/unsubscribe/x",
        params: { token: fc.oneof(good(victimUnsubscribe(fx)), fc.string({ maxLength: 80 })) },
      }),
  },
  ...fhirRoutes(),
  "app/(portal)/patients/[id]/record.zip/route.ts#GET": {
    kind: "route",
    as: "clinician",
    // Only ids that are not the clinic's patient: a real export is not bad input.
    input: () => routeRequest({ method: "GET", path: "/patients/x/record.zip", params: { id: fc.uuid() } }),
  },
  "app/(portal)/patients/[id]/fhir-bundle.json/route.ts#GET": {
    kind: "route",
    as: "clinician",
    input: () => routeRequest({ method: "GET", path: "/patients/x/fhir-bundle.json", params: { id: fc.uuid() } }),
  },
  "app/dev/patient-preview/log/route.ts#POST": {
    kind: "route",
    as: "anonymous",
    input: (fx) => routeRequest({ method: "POST", path: "/dev/patient-preview/log", body: requestBody(sessionLog(fx)) }),
  },
};

/**
 * The FHIR read API, called with the clinic's key (or a hostile Authorization header):
 * unknown ids, hostile search parameters. Keyed use is audited and counted.
 */
function fhirRoutes(): Record<string, FuzzSpec> {
  const auth = (fx: AccessFixture) =>
    fc.oneof(
      fc.constant([["authorization", `Bearer ${fx.victim.apiKey}`]] as [string, string][]),
      fc.constant([] as [string, string][]),
      fc.string({ maxLength: 40 }).map((v) => [["authorization", v.replace(/[\r\n\0]/g, "")]] as [string, string][]),
    );
  const route = (file: string, path: string, query: string[], params?: Record<string, fc.Arbitrary<string>>): [string, FuzzSpec] => [
    `app/api/fhir/R4/${file}/route.ts#GET`,
    {
      kind: "route",
      as: "anonymous",
      input: (fx) => routeRequest({ method: "GET", path: `/api/fhir/R4/${path}`, query, params, headers: auth(fx) }),
      mayWrite: ["rate_limits", "audit_events"],
    },
  ];
  const patientParam = (fx: AccessFixture) => ({ id: uuidOr(fx.victim.patientId) });
  return Object.fromEntries([
    route("metadata", "metadata", ["_format"]),
    route("CarePlan", "CarePlan", ["patient", "_count", "_cursor"]),
    route("ServiceRequest", "ServiceRequest", ["patient", "_count", "_cursor"]),
    route("Observation", "Observation", ["patient", "code", "_count", "_cursor"]),
    route("QuestionnaireResponse", "QuestionnaireResponse", ["patient", "_count", "_cursor"]),
    // The victim's imported measure is a real id for its own key, a 404 for any other.
    [
      "app/api/fhir/R4/Questionnaire/[id]/route.ts#GET",
      {
        kind: "route",
        as: "anonymous",
        input: (fx: AccessFixture) =>
          routeRequest({
            method: "GET",
            path: "/api/fhir/R4/Questionnaire/x",
            params: { id: uuidOr(questionnaireId(fx.victim.measureKey)) },
            headers: auth(fx),
          }),
        mayWrite: ["rate_limits", "audit_events"],
      },
    ],
    // Ids are drawn per run; the victim's patient is a valid read, also not bad input.
    [
      "app/api/fhir/R4/Patient/[id]/route.ts#GET",
      {
        kind: "route",
        as: "anonymous",
        input: (fx: AccessFixture) =>
          routeRequest({ method: "GET", path: "/api/fhir/R4/Patient/x", params: patientParam(fx), headers: auth(fx) }),
        mayWrite: ["rate_limits", "audit_events"],
      },
    ],
    [
      "app/api/fhir/R4/Patient/[id]/$everything/route.ts#GET",
      {
        kind: "route",
        as: "anonymous",
        input: () => routeRequest({ method: "GET", path: "/api/fhir/R4/Patient/x/$everything", params: { id: fc.uuid() } }),
        mayWrite: ["rate_limits", "audit_events"],
      },
    ],
  ]);
}
