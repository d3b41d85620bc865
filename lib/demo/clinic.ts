import type { Transaction } from "@/db/client";
import { backdateLink, backdateVersions, insertSessionHistory, sharedExercisesBySlug } from "@/db/queries/demo";
import { issueLink } from "@/lib/links/issue";
import { createProgrammeIn, insertVersion } from "@/db/queries/programmes";
import type { DosageDefaults, LoggedExercise } from "@/db/schema";
import type { Difficulty } from "@/lib/domain/exercise";
import { enqueueEmail } from "@/lib/email/outbox";
import { patientLinkEmail } from "@/lib/email/templates";
import type { ProgrammeContent } from "@/lib/validations/programme";

/*
 * The living part of the demo clinic: patients part-way through care, so a first look
 * shows what the product does. Everything is built from the catalogue and dated back
 * from today, so the dashboard always shows six weeks of history ending now.
 */

const DAY = 86_400_000;

/** One version: the catalogue slugs it holds and the day (counted back from today) it was saved. */
type DemoVersion = { daysAgo: number; title: string; slugs: string[]; changeNote?: string; patientNote?: string; harder?: boolean };

export type DemoPatient = {
  name: string;
  email: string;
  dateOfBirth: string | null;
  notes: string;
  /** Which of the two clinicians looks after them. */
  clinician: 0 | 1;
  versions: DemoVersion[];
  /** Pain 0–10 at the first and the last session, and days between sessions. */
  pain: { from: number; to: number; lastThree?: [number, number, number] };
  every: number;
  /** Days since the last session (a quiet patient stopped a while ago). */
  lastDaysAgo: number;
  comments?: string[];
};

export const DEMO_PATIENTS: DemoPatient[] = [
  {
    name: "Eleanor Whitfield",
    email: "eleanor.whitfield@example.com",
    dateOfBirth: "1961-07-09",
    notes: "Lower back pain after a house move; keen to get back to walking the dog.",
    clinician: 0,
    versions: [
      {
        daysAgo: 42,
        title: "Lower back: gentle start",
        slugs: ["pelvic-tilt", "knee-to-chest", "draw-in"],
        patientNote: "Little and often. Stop anything that makes your pain worse.",
      },
      {
        daysAgo: 24,
        title: "Lower back: building up",
        slugs: ["pelvic-tilt", "knee-to-chest", "bridge", "draw-in"],
        changeNote: "Added the bridge now that bending is easier.",
      },
      {
        daysAgo: 9,
        title: "Lower back: getting stronger",
        slugs: ["knee-to-chest", "bridge", "bird-dog", "cat-cow"],
        changeNote: "Swapped pelvic tilts for the bird-dog and cat–cow.",
        harder: true,
      },
    ],
    pain: { from: 6, to: 2 },
    every: 2,
    lastDaysAgo: 1,
    comments: ["Easier to get out of bed this week.", "Bridge felt wobbly on the left.", "Walked to the park and back."],
  },
  {
    name: "Tom Achebe",
    email: "tom.achebe@example.com",
    dateOfBirth: "1979-02-23",
    notes: "Warehouse work; flare-up after lifting. Review sooner if pain climbs.",
    clinician: 1,
    versions: [
      { daysAgo: 38, title: "Back care at work", slugs: ["cat-cow", "childs-pose", "pelvic-tilt"] },
      {
        daysAgo: 16,
        title: "Back care at work",
        slugs: ["cat-cow", "childs-pose", "bridge", "partial-curl"],
        changeNote: "Added the bridge and partial curl.",
        harder: true,
      },
    ],
    pain: { from: 5, to: 3, lastThree: [3, 4, 6] },
    every: 2,
    lastDaysAgo: 1,
    comments: ["Sore after a long shift.", "Partial curl hurts at the top.", "Back worse after lifting at work."],
  },
  {
    name: "Grace Liu",
    email: "grace.liu@example.com",
    dateOfBirth: "1990-11-30",
    notes: "Desk worker; stiffness after long days sitting.",
    clinician: 0,
    versions: [
      { daysAgo: 40, title: "Desk breaks", slugs: ["seated-rotation", "pelvic-tilt"] },
      {
        daysAgo: 20,
        title: "Desk breaks",
        slugs: ["seated-rotation", "pelvic-tilt", "cat-cow"],
        changeNote: "Added the cat–cow for the evenings.",
      },
    ],
    pain: { from: 4, to: 2 },
    every: 3,
    lastDaysAgo: 8,
  },
  {
    name: "Robert Byrne",
    email: "robert.byrne@example.com",
    dateOfBirth: "1948-05-14",
    notes: "Long-standing stiffness; retired joiner.",
    clinician: 1,
    versions: [
      { daysAgo: 41, title: "Morning mobility", slugs: ["knee-to-chest", "lower-back-rotation"] },
      {
        daysAgo: 21,
        title: "Morning mobility",
        slugs: ["knee-to-chest", "lower-back-rotation", "pelvic-tilt"],
        changeNote: "Added pelvic tilts.",
      },
    ],
    pain: { from: 5, to: 4 },
    every: 2,
    lastDaysAgo: 2,
  },
  {
    name: "Aisha Karim",
    email: "aisha.karim@example.com",
    dateOfBirth: "1996-03-03",
    notes: "Runner; core strength after a lower back strain.",
    clinician: 0,
    versions: [
      { daysAgo: 35, title: "Core for running", slugs: ["draw-in", "bridge"] },
      { daysAgo: 22, title: "Core for running", slugs: ["draw-in", "bridge", "bird-dog"], changeNote: "Added the bird-dog.", harder: true },
      {
        daysAgo: 6,
        title: "Core for running",
        slugs: ["bridge", "bird-dog", "superman", "partial-curl"],
        changeNote: "Superman and partial curl in place of the draw-in.",
        harder: true,
      },
    ],
    pain: { from: 3, to: 1 },
    every: 2,
    lastDaysAgo: 0,
    comments: ["Too easy now.", "Ran 5 km without pain."],
  },
];

/** A small deterministic random source, so every demo clinic looks the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Session times: every `every` days (give or take a day) from the first version to `lastDaysAgo`, in the evening. */
function sessionDays(patient: DemoPatient, now: Date, rand: () => number): Date[] {
  const first = patient.versions[0]!.daysAgo - 1;
  const days: Date[] = [];
  for (let ago = first; ago > patient.lastDaysAgo; ago -= patient.every + (rand() < 0.25 ? 1 : 0)) days.push(at(now, ago, rand));
  days.push(at(now, patient.lastDaysAgo, rand));
  return days;
}

function at(now: Date, daysAgo: number, rand: () => number): Date {
  const day = new Date(now.getTime() - daysAgo * DAY);
  // Sessions happen earlier on the day than now when they are today.
  const hour = daysAgo === 0 ? Math.max(0, now.getUTCHours() - 2) : 7 + Math.floor(rand() * 13);
  day.setUTCHours(hour, Math.floor(rand() * 60), 0, 0);
  return day;
}

/** Pain falling (or rising) from `from` to `to` with a little day-to-day noise; the last three fixed when given. */
function painTrend(patient: DemoPatient, count: number, rand: () => number): number[] {
  const values = Array.from({ length: count }, (_, i) => {
    const line = patient.pain.from + ((patient.pain.to - patient.pain.from) * i) / Math.max(1, count - 1);
    const noise = rand() < 0.3 ? (rand() < 0.5 ? -1 : 1) : 0;
    return Math.min(10, Math.max(0, Math.round(line + noise)));
  });
  if (patient.pain.lastThree) values.splice(count - 3, 3, ...patient.pain.lastThree);
  else values[count - 1] = patient.pain.to;
  return values;
}

function dosage(defaults: DosageDefaults, harder: boolean) {
  return {
    sets: Math.min(20, defaults.sets + (harder && defaults.sets < 3 ? 1 : 0)),
    reps: defaults.reps,
    holdSeconds: defaults.holdSeconds,
    restSeconds: defaults.restSeconds,
    sides: defaults.sides,
    timesPerDay: defaults.timesPerDay,
    daysPerWeek: defaults.daysPerWeek,
    load: defaults.load ?? "",
    note: "",
  };
}

type Actor = { clinicId: string; clinicianId: string };

/**
 * Adds the living patients' programmes (2–3 versions each), a live link, six weeks of
 * sessions and the link emails, inside the caller's transaction. Returns the first
 * patient's follow-along address, for the console.
 */
export async function seedLivingDemo(
  tx: Transaction,
  input: { clinicId: string; clinicianIds: [string, string]; patientIds: string[]; key: Buffer; appUrl: string; now: Date },
): Promise<string> {
  const slugs = [...new Set(DEMO_PATIENTS.flatMap((p) => p.versions.flatMap((v) => v.slugs)))];
  const rows = await sharedExercisesBySlug(tx, slugs);
  const catalogue = new Map(rows.map((r) => [r.slug, r]));
  let demoUrl = "";

  for (const [index, patient] of DEMO_PATIENTS.entries()) {
    const rand = random(20_260_000 + index);
    const actor: Actor = { clinicId: input.clinicId, clinicianId: input.clinicianIds[patient.clinician] };
    const patientId = input.patientIds[index]!;
    const contents = patient.versions.map((v): ProgrammeContent => {
      const items = v.slugs.flatMap((slug) => {
        const exercise = catalogue.get(slug);
        return exercise ? [{ exerciseId: exercise.id, ...dosage(exercise.dosage, !!v.harder) }] : [];
      });
      const start = new Date(input.now.getTime() - v.daysAgo * DAY);
      return {
        title: v.title,
        patientNote: v.patientNote ?? "",
        changeNote: v.changeNote ?? "",
        startDate: isoDay(start),
        reviewDate: isoDay(new Date(start.getTime() + 28 * DAY)),
        items,
      } as ProgrammeContent;
    });
    // A catalogue without these exercises (renamed content) leaves the patient without a programme.
    if (contents.some((c) => c.items.length === 0)) continue;
    const programmeId = await createProgrammeIn(tx, actor, { kind: "programme", patientId, content: contents[0]! });
    for (let v = 1; v < contents.length; v += 1) await insertVersion(tx, actor, programmeId, v + 1, contents[v]!);
    const savedAt = patient.versions.map((version) => new Date(input.now.getTime() - version.daysAgo * DAY));
    await backdateVersions(tx, { clinicId: input.clinicId, programmeId, savedAt });

    // The link was given at the first appointment.
    const link = await issueLink(tx, actor, { programmeId, key: input.key });
    const givenAt = new Date(input.now.getTime() - patient.versions[0]!.daysAgo * DAY);
    await backdateLink(tx, { clinicId: input.clinicId, linkId: link.id, givenAt });
    const url = `${input.appUrl}/p/${link.token}`;
    if (index === 0) demoUrl = url;
    const email = patientLinkEmail({
      clinicName: "Riverside Physiotherapy",
      clinicianName: patient.clinician === 0 ? "Sam Okafor" : "Jo Lindqvist",
      programmeTitle: patient.versions.at(-1)!.title,
      url,
    });
    await enqueueEmail(tx, {
      clinicId: input.clinicId,
      idempotencyKey: `demo-link:${patientId}`,
      kind: "patient_link",
      to: patient.email,
      ...email,
      subjectRef: link.id,
    });

    const days = sessionDays(patient, input.now, rand);
    const pains = painTrend(patient, days.length, rand);
    const comments = [...(patient.comments ?? [])];
    const logs = days.map((completedAt, n) => {
      const ago = (input.now.getTime() - completedAt.getTime()) / DAY;
      const version = patient.versions.reduce((current, v, i) => (v.daysAgo >= ago ? i + 1 : current), 1);
      const content = contents[version - 1]!;
      const logged: LoggedExercise[] = content.items.map((item, position) => {
        const skipped = rand() < 0.08;
        return { position, exerciseId: item.exerciseId, setsDone: skipped ? 0 : item.sets, setsPlanned: item.sets, skipped };
      });
      const pain = pains[n]!;
      const difficulty: Difficulty = pain >= 6 ? "too_hard" : pain <= 1 && rand() < 0.5 ? "too_easy" : "about_right";
      // Comments are spread over the later sessions, the newest last.
      const comment = comments.length > 0 && n >= days.length - 2 * comments.length && (days.length - n) % 2 === 1 ? comments.shift()! : "";
      return {
        clinicId: input.clinicId,
        patientId,
        programmeId,
        version,
        linkId: link.id,
        idempotencyKey: `demo:${patientId}:${n}`,
        startedAt: new Date(completedAt.getTime() - (12 + Math.floor(rand() * 10)) * 60_000),
        completedAt,
        exercises: logged,
        pain,
        difficulty,
        comment,
      };
    });
    await insertSessionHistory(tx, logs);
  }
  return demoUrl;
}
