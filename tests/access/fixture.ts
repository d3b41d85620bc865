import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import {
  apiKeys,
  clinicians,
  clinics,
  emailOutbox,
  exerciseMedia,
  exercises,
  invitations,
  outcomeMeasures,
  outcomeSchedules,
  patientLinks,
  patients,
  programmeItems,
  programmes,
  programmeVersions,
  questionnaireResponses,
  sessionLogs,
} from "@/db/schema";
import { env } from "@/lib/env";
import { shortCode, shortCodeHash, shortCodeKey } from "@/lib/links/short-code";
import { hashToken, newToken } from "@/lib/crypto/token";
import { encryptToken, linkKey } from "@/lib/links/token";
import { newInvitationToken } from "@/lib/auth/invitations";
import { hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/crypto/seal";
import { mediaStore } from "@/lib/media/storage";
import { mediaKey } from "@/lib/media/store";
import { TEST_PASSWORD } from "../factories";

/**
 * Two clinics: the victim, full of records with distinctive "canary" text, and the
 * attacker's. Add records here as the app grows (patients' programmes, links, logs),
 * with their ids in `victim` and their text in `canaries`.
 */
export type AccessFixture = Awaited<ReturnType<typeof seedAccessFixture>>;

let passwordHash: Promise<string> | undefined;

export async function seedAccessFixture(db: Database) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const canaries = {
    clinicName: "Quillfeather Physiotherapy",
    address: "7 Kestrel Mews, Lowmoor LM4 9QQ",
    phone: "+44 1632 000 777",
    ownerName: "Ottilie Vance",
    ownerEmail: "ottilie.vance@victim.example",
    clinicianName: "Cedric Marsh",
    clinicianEmail: "cedric.marsh@victim.example",
    colleagueName: "Beatrix Lowe",
    colleagueEmail: "beatrix.lowe@victim.example",
    disabledName: "Delphine Ashe",
    disabledEmail: "delphine.ashe@victim.example",
    patientName: "Percival Thorne",
    patientEmail: "percival.thorne@victim.example",
    patientNotes: "Canary note: lumbar flare after rowing",
    inviteeName: "Imogen Hartley",
    inviteeEmail: "imogen.hartley@victim.example",
    emailSubject: "Canary subject 4417",
    exerciseName: "Canary wobble press",
    programmeTitle: "Canary programme 9931",
    sessionComment: "Canary comment: knee clicked",
    mediaAltText: "Canary photo: press against the hallway wall",
    measureTitle: "Canary scale 5521",
    activityName: "Canary activity: hoisting sails",
  };

  const [clinic] = await db
    .insert(clinics)
    .values({ name: canaries.clinicName, address: canaries.address, phone: canaries.phone })
    .returning();
  const clinicId = clinic!.id;
  const person = (name: string, email: string, role: "owner" | "clinician", disabled = false) =>
    db
      .insert(clinicians)
      .values({ clinicId, name, email, role, passwordHash: hash, disabledAt: disabled ? new Date() : null })
      .returning()
      .then((rows) => rows[0]!);
  const owner = await person(canaries.ownerName, canaries.ownerEmail, "owner");
  const clinician = await person(canaries.clinicianName, canaries.clinicianEmail, "clinician");
  const colleague = await person(canaries.colleagueName, canaries.colleagueEmail, "clinician");
  // An owner, so that what stops them is being disabled, not their role.
  const disabled = await person(canaries.disabledName, canaries.disabledEmail, "owner", true);
  const [patient] = await db
    .insert(patients)
    .values({ clinicId, name: canaries.patientName, email: canaries.patientEmail, notes: canaries.patientNotes, dateOfBirth: "1961-02-03" })
    .returning();
  const { token: invitationToken, tokenHash } = newInvitationToken();
  const [invitation] = await db
    .insert(invitations)
    .values({
      clinicId,
      email: canaries.inviteeEmail,
      name: canaries.inviteeName,
      role: "clinician",
      tokenHash,
      invitedBy: owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  const [failedEmail] = await db
    .insert(emailOutbox)
    .values({
      clinicId,
      idempotencyKey: "canary-email",
      kind: "invitation",
      toAddress: canaries.patientEmail,
      subject: canaries.emailSubject,
      textBody: seal("Canary body text", "email-body"),
      htmlBody: seal("<p>Canary body html</p>", "email-body"),
      status: "failed",
      attempts: 8,
      lastError: "550 canary refusal",
      subjectRef: invitation!.id,
    })
    .returning();

  const [exercise] = await db
    .insert(exercises)
    .values({
      clinicId,
      slug: "canary-wobble-press",
      name: canaries.exerciseName,
      purpose: "A clinic-only exercise.",
      category: "strengthen",
      bodyRegion: "hips",
      position: "standing",
      equipment: ["none"],
      steps: ["Stand.", "Wobble."],
      defaultDosage: { sets: 2, reps: 8, holdSeconds: 0, restSeconds: 30, sides: "none", timesPerDay: 1, daysPerWeek: 5 },
    })
    .returning();
  // A photo of the custom exercise, with its file in the test media folder.
  const mediaBody = Buffer.from("canary photo bytes");
  const mediaSha = createHash("sha256").update(mediaBody).digest("hex");
  const [media] = await db
    .insert(exerciseMedia)
    .values({
      clinicId,
      exerciseId: exercise!.id,
      kind: "photo",
      altText: canaries.mediaAltText,
      sha256: mediaSha,
      bytes: mediaBody.length,
      width: 4,
      height: 3,
      variants: [{ file: "w480.jpg", contentType: "image/jpeg", bytes: mediaBody.length, sha256: mediaSha }],
    })
    .returning();
  await mediaStore().put(mediaKey(clinicId, media!.id, "w480.jpg"), mediaBody, "image/jpeg");
  const [programme] = await db
    .insert(programmes)
    .values({ clinicId, kind: "programme", patientId: patient!.id, currentVersion: 1, createdBy: owner.id })
    .returning();
  await db
    .insert(programmeVersions)
    .values({ clinicId, programmeId: programme!.id, version: 1, title: canaries.programmeTitle, createdBy: owner.id });
  await db
    .insert(programmeItems)
    .values({ clinicId, programmeId: programme!.id, version: 1, position: 0, exerciseId: exercise!.id, sets: 2, reps: 8 });
  const linkToken = newToken();
  const linkShortCode = shortCode(linkToken, shortCodeKey(linkKey(env().AUTH_SECRET)));
  await db.insert(patientLinks).values({
    clinicId,
    patientId: patient!.id,
    programmeId: programme!.id,
    tokenHash: hashToken(linkToken),
    tokenCiphertext: encryptToken(linkToken, linkKey(env().AUTH_SECRET)),
    shortCodeHash: shortCodeHash(linkShortCode, shortCodeKey(linkKey(env().AUTH_SECRET))),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const [sessionLog] = await db
    .insert(sessionLogs)
    .values({
      clinicId,
      patientId: patient!.id,
      programmeId: programme!.id,
      version: 1,
      idempotencyKey: "canary-session-0001",
      completedAt: new Date(),
      pain: 3,
      comment: canaries.sessionComment,
    })
    .returning({ id: sessionLogs.id });

  // Outcome measures: an imported one, a schedule and an answered PSFS.
  const definition = {
    title: canaries.measureTitle,
    shortTitle: canaries.measureTitle,
    patientTitle: canaries.measureTitle,
    intro: "",
    rule: "sum" as const,
    mcid: 3,
    higherIsBetter: false,
    source: "Imported by the clinic.",
    items: [{ linkId: "a", type: "integer" as const, text: "How much?", min: 0, max: 10 }],
  };
  const [measure] = await db
    .insert(outcomeMeasures)
    .values({
      clinicId,
      title: canaries.measureTitle,
      rule: "sum",
      definition,
      questionnaire: { resourceType: "Questionnaire", title: canaries.measureTitle },
    })
    .returning();
  await db.insert(outcomeSchedules).values([
    { clinicId, programmeId: programme!.id, measure: "psfs", atStart: true, everyWeeks: 2 },
    { clinicId, programmeId: programme!.id, measure: `q-${measure!.id}`, atReview: true },
  ]);
  await db.insert(questionnaireResponses).values({
    clinicId,
    patientId: patient!.id,
    programmeId: programme!.id,
    version: 1,
    measure: "psfs",
    title: "PSFS",
    idempotencyKey: "canary-answer-0001",
    answeredAt: new Date(),
    answers: [{ linkId: "activity-1", value: 4, label: canaries.activityName }],
    score: 4,
    rule: "mean",
  });

  const [attackerClinic] = await db.insert(clinics).values({ name: "Mallory Physio" }).returning();
  const [attacker] = await db
    .insert(clinicians)
    .values({ clinicId: attackerClinic!.id, name: "Mallory Quinn", email: "mallory@attacker.example", role: "owner", passwordHash: hash })
    .returning();

  // FHIR API keys: the victim's (to revoke) and the attacker's own (to try on the victim's ids).
  const victimKey = `hpk_${newToken()}`;
  const [victimApiKey] = await db
    .insert(apiKeys)
    .values({ clinicId, name: "Victim EHR", prefix: victimKey.slice(0, 12), keyHash: hashToken(victimKey) })
    .returning();
  const attackerKey = `hpk_${newToken()}`;
  await db
    .insert(apiKeys)
    .values({ clinicId: attackerClinic!.id, name: "Mallory EHR", prefix: attackerKey.slice(0, 12), keyHash: hashToken(attackerKey) });

  return {
    canaries,
    victim: {
      clinicId,
      owner,
      clinician,
      /** Someone to act on who is not one of the callers. */
      colleague,
      disabled,
      patientId: patient!.id,
      invitationId: invitation!.id,
      invitationToken,
      failedEmailId: failedEmail!.id,
      sessionLogId: sessionLog!.id,
      exerciseId: exercise!.id,
      mediaId: media!.id,
      programmeId: programme!.id,
      linkToken,
      apiKeyId: victimApiKey!.id,
      apiKey: victimKey,
      linkShortCode,
      measureKey: `q-${measure!.id}`,
    },
    attacker: attacker!,
    attackerApiKey: attackerKey,
    /** A well-formed invitation token that matches nothing. */
    unknownToken: randomBytes(32).toString("base64url"),
  };
}

/** Every value that would be a leak if it showed up in an answer to someone outside the clinic. */
export function secretsOf(fx: AccessFixture): string[] {
  const ids = [
    fx.victim.clinicId,
    fx.victim.owner.id,
    fx.victim.clinician.id,
    fx.victim.colleague.id,
    fx.victim.disabled.id,
    fx.victim.patientId,
    fx.victim.invitationId,
    fx.victim.failedEmailId,
    fx.victim.exerciseId,
    fx.victim.programmeId,
    fx.victim.mediaId,
  ];
  return [
    ...Object.values(fx.canaries),
    ...ids,
    fx.victim.invitationToken,
    fx.victim.linkToken,
    fx.victim.apiKeyId,
    fx.victim.apiKey,
    fx.victim.linkShortCode,
  ];
}
