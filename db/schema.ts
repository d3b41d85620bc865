import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { DOSE_LIMITS } from "../lib/domain/dose";
import { MESSAGE_AUTHORS, MESSAGE_MAX } from "../lib/domain/messages";
import { QUIET_HOURS } from "../lib/domain/reminders";
import { PAPER_SIZES, PROGRAMME_KINDS, ROLES } from "../lib/domain/clinic";
import { CATEGORIES, DIFFICULTIES, PAIN_SCALE, POSITIONS, SIDES, type Position, type Sides } from "../lib/domain/exercise";
import { MEDIA_KINDS, MEDIA_LIMITS, type MediaFile } from "../lib/domain/media";
import { OUTCOME_LIMITS, SCORING_RULES } from "../lib/domain/outcomes";
import type { Answer, MeasureDefinition } from "../lib/outcomes/measure";

/*
 * Every clinic-owned table carries clinic_id and puts it first in its primary key and in
 * every foreign key to another clinic-owned table. Two reasons: the database itself
 * refuses a row that points into another clinic, and the data can later be distributed
 * by clinic (Citus) without changing a key. The global exercise catalogue and the
 * rate-limit buckets are the only tables without a clinic.
 */

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** `col between min and max`, with the bounds written as literals so the migration SQL reads as before. */
const within = (column: AnyPgColumn, { min, max }: { min: number; max: number }) =>
  sql`${column} between ${sql.raw(String(min))} and ${sql.raw(String(max))}`;

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const roleEnum = pgEnum("clinician_role", ROLES);
export const paperSizeEnum = pgEnum("paper_size", PAPER_SIZES);
export const categoryEnum = pgEnum("exercise_category", CATEGORIES);
export const positionEnum = pgEnum("exercise_position", POSITIONS);
export const sidesEnum = pgEnum("dosage_sides", SIDES);
export const programmeKindEnum = pgEnum("programme_kind", PROGRAMME_KINDS);
export const difficultyEnum = pgEnum("session_difficulty", DIFFICULTIES);
export const emailStatusEnum = pgEnum("email_status", ["queued", "sending", "sent", "failed"]);
export const messageAuthorEnum = pgEnum("message_author", MESSAGE_AUTHORS);

// ---------------------------------------------------------------- clinics and people

export const clinics = pgTable("clinics", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  address: text("address").notNull().default(""),
  phone: text("phone").notNull().default(""),
  paperSize: paperSizeEnum("paper_size").notNull().default("A4"),
  /** IANA zone for "this week", reminders and calendar files; null means the server's own. */
  timeZone: text("time_zone"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const clinicians = pgTable(
  "clinicians",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull().default("clinician"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Bumped on disable, password change and sign-out-everywhere: older sessions stop at once. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    // Sign-in is by email alone, so an email belongs to one clinician anywhere.
    uniqueIndex("clinicians_email_key").on(sql`lower(${t.email})`),
    uniqueIndex("clinicians_id_key").on(t.id),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    role: roleEnum("role").notNull().default("clinician"),
    tokenHash: bytea("token_hash").notNull(),
    invitedBy: uuid("invited_by").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId], foreignColumns: [clinics.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.clinicId, t.invitedBy], foreignColumns: [clinicians.clinicId, clinicians.id] }),
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
  ],
);

export const patients = pgTable(
  "patients",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    dateOfBirth: date("date_of_birth"),
    notes: text("notes").notNull().default(""),
    /** IANA zone where the patient lives, when it is not the clinic's. */
    timeZone: text("time_zone"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId], foreignColumns: [clinics.id] }).onDelete("cascade"),
    // The patient list walks these in name order, a page at a time (keyset on name, id).
    index("patients_active_name_idx")
      .on(t.clinicId, sql`lower(${t.name})`, t.id)
      .where(sql`${t.archivedAt} is null`),
    index("patients_archived_name_idx")
      .on(t.clinicId, sql`lower(${t.name})`, t.id)
      .where(sql`${t.archivedAt} is not null`),
    index("patients_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("patients_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`),
    check("patients_name_not_blank", sql`length(btrim(${t.name})) > 0`),
  ],
);

// ---------------------------------------------------------------- catalogue

export type DosageDefaults = {
  sets: number;
  reps: number;
  holdSeconds: number;
  restSeconds: number;
  sides: Sides;
  timesPerDay: number;
  daysPerWeek: number;
  load?: string;
  note?: string;
};
export type Variation = { name: string; description: string };
export type SourceNote = { file: string; facts: string };
export type ExerciseSnapshot = {
  name: string;
  purpose: string;
  position: Position;
  equipment: string[];
  steps: string[];
  cues: string[];
  cautions: string[];
  poseSlug: string | null;
};
export type DosageDecision = { field: string; chosen: string; range: string; why: string; sources: string[] };

/**
 * Global entries (clinic_id null) come from content/ and are shared by every clinic;
 * custom entries belong to one clinic. Queries always filter
 * `clinic_id is null or clinic_id = $clinic`.
 */
export const exercises = pgTable(
  "exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    aliases: text("aliases")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    purpose: text("purpose").notNull(),
    category: categoryEnum("category").notNull(),
    bodyRegion: text("body_region").notNull(),
    position: positionEnum("position").notNull(),
    equipment: text("equipment")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    targetMuscles: text("target_muscles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    steps: text("steps").array().notNull(),
    cues: text("cues")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    cautions: text("cautions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    defaultDosage: jsonb("default_dosage").$type<DosageDefaults>().notNull(),
    dosageDecisions: jsonb("dosage_decisions").$type<DosageDecision[]>().notNull().default([]),
    variations: jsonb("variations").$type<{ easier: Variation[]; harder: Variation[] }>().notNull().default({ easier: [], harder: [] }),
    sources: jsonb("sources").$type<SourceNote[]>().notNull().default([]),
    /** Key poses for the illustration renderer; a custom exercise may borrow a catalogue slug's poses. */
    poseSlug: text("pose_slug"),
    /** Aliases, tags and everyday position words, flattened for search; written by the app. */
    searchText: text("search_text").notNull().default(""),
    /** Muscles and purpose: searched too, but a match here ranks below a name or alias. */
    searchDetail: text("search_detail").notNull().default(""),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', search_text), 'B') || setweight(to_tsvector('english', search_detail), 'C')`,
      ),
    /**
     * The name's words alone, and the name's with the aliases, tags and everyday words: a
     * search ranks the exercises whose name has every word typed and lists the others by
     * name after them, so a broad word ("glute", "no equipment") never ranks thousands.
     * Their own indexes also give the planner true counts of each group.
     */
    searchName: tsvector("search_name")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', name)`),
    searchMain: tsvector("search_main")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', name) || to_tsvector('english', search_text)`),
    basedOnId: uuid("based_on_id"),
    createdBy: uuid("created_by"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("exercises_global_slug_key")
      .on(t.slug)
      .where(sql`${t.clinicId} is null`),
    uniqueIndex("exercises_clinic_slug_key")
      .on(t.clinicId, t.slug)
      .where(sql`${t.clinicId} is not null`),
    // fastupdate off: by default GIN queues new entries in a pending list that every search
    // reads through until a vacuum merges it, and PGlite never vacuums on its own; with
    // 10,000 exercises synced, the whole catalogue sat in that list. The catalogue is
    // written rarely, so entries go straight into the index.
    index("exercises_search_idx").using("gin", t.search).with({ fastupdate: false }),
    index("exercises_search_name_idx").using("gin", t.searchName).with({ fastupdate: false }),
    index("exercises_search_main_idx").using("gin", t.searchMain).with({ fastupdate: false }),
    index("exercises_name_trgm_idx")
      .using("gin", sql`lower(${t.name}) gin_trgm_ops`)
      .with({ fastupdate: false }),
    index("exercises_search_text_trgm_idx")
      .using("gin", sql`${t.searchText} gin_trgm_ops`)
      .with({ fastupdate: false }),
    index("exercises_filter_idx").on(t.category, t.position),
    // The unfiltered catalogue is listed by name.
    index("exercises_name_idx").on(t.name),
    check("exercises_steps_present", sql`cardinality(${t.steps}) > 0`),
  ],
);

/**
 * Every word of the shared catalogue's names, aliases and tags, filled by a trigger on
 * exercises (migration 0015). A search that finds nothing looks its words up here by
 * trigram likeness ("brigde" → "bridge") and searches again with the words found: a few
 * hundred words, where likeness to 10,000 whole names took tens of milliseconds. Words of
 * a clinic's own exercises are left out, so they cannot steer another clinic's search.
 */
export const searchWords = pgTable(
  "search_words",
  {
    word: text("word").primaryKey(),
  },
  (t) => [
    index("search_words_trgm_idx")
      .using("gin", sql`${t.word} gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
);

// ---------------------------------------------------------------- programmes

/**
 * A programme (for a patient) or a template (no patient). Its content lives in
 * immutable versions; `current_version` is the optimistic-concurrency token: a save
 * names the version it started from and fails if another save got there first.
 */
export const programmes = pgTable(
  "programmes",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    kind: programmeKindEnum("kind").notNull(),
    patientId: uuid("patient_id"),
    currentVersion: integer("current_version").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId], foreignColumns: [clinics.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    index("programmes_patient_idx").on(t.clinicId, t.patientId),
    index("programmes_kind_idx").on(t.clinicId, t.kind, t.updatedAt, t.id),
    check(
      "programmes_kind_patient",
      sql`(${t.kind} = 'template' and ${t.patientId} is null) or (${t.kind} = 'programme' and ${t.patientId} is not null)`,
    ),
  ],
);

export const programmeVersions = pgTable(
  "programme_versions",
  {
    clinicId: uuid("clinic_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    patientNote: text("patient_note").notNull().default(""),
    startDate: date("start_date"),
    reviewDate: date("review_date"),
    /** The clinician's own words on the change, shown to the patient beside the computed summary. */
    changeNote: text("change_note").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.programmeId, t.version] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }).onDelete("cascade"),
    check("programme_versions_version_positive", sql`${t.version} >= 1`),
    check("programme_versions_dates", sql`${t.reviewDate} is null or ${t.startDate} is null or ${t.reviewDate} >= ${t.startDate}`),
  ],
);

export const programmeItems = pgTable(
  "programme_items",
  {
    clinicId: uuid("clinic_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    version: integer("version").notNull(),
    position: integer("position").notNull(),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id),
    sets: integer("sets").notNull(),
    reps: integer("reps").notNull(),
    holdSeconds: integer("hold_seconds").notNull().default(0),
    restSeconds: integer("rest_seconds").notNull().default(0),
    sides: sidesEnum("sides").notNull().default("none"),
    timesPerDay: integer("times_per_day").notNull().default(1),
    daysPerWeek: integer("days_per_week").notNull().default(7),
    load: text("load").notNull().default(""),
    note: text("note").notNull().default(""),
    /**
     * The exercise as it was when this version was saved, so a later edit of a custom
     * exercise or a catalogue update never changes what a saved version shows.
     */
    exerciseSnapshot: jsonb("exercise_snapshot").$type<ExerciseSnapshot>(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.programmeId, t.version, t.position] }),
    foreignKey({
      columns: [t.clinicId, t.programmeId, t.version],
      foreignColumns: [programmeVersions.clinicId, programmeVersions.programmeId, programmeVersions.version],
    }).onDelete("cascade"),
    index("programme_items_exercise_idx").on(t.exerciseId),
    check("programme_items_sets", within(t.sets, DOSE_LIMITS.sets)),
    check("programme_items_reps", within(t.reps, DOSE_LIMITS.reps)),
    check("programme_items_hold", within(t.holdSeconds, DOSE_LIMITS.holdSeconds)),
    check("programme_items_rest", within(t.restSeconds, DOSE_LIMITS.restSeconds)),
    check("programme_items_times_per_day", within(t.timesPerDay, DOSE_LIMITS.timesPerDay)),
    check("programme_items_days_per_week", within(t.daysPerWeek, DOSE_LIMITS.daysPerWeek)),
    check("programme_items_position", sql`${t.position} >= 0`),
  ],
);

// ---------------------------------------------------------------- patient side

/**
 * A capability URL to one patient's current programme. The raw token is never stored:
 * a SHA-256 hash finds the row, and an AES-256-GCM copy lets the clinician show or
 * resend the same link.
 */
export const patientLinks = pgTable(
  "patient_links",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    tokenHash: bytea("token_hash").notNull(),
    tokenCiphertext: text("token_ciphertext").notNull(),
    /** HMAC of the link's short code (lib/links/short-code.ts); null for links issued before codes, or on a rare clash. */
    shortCodeHash: bytea("short_code_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }),
    uniqueIndex("patient_links_token_hash_key").on(t.tokenHash),
    uniqueIndex("patient_links_short_code_hash_key").on(t.shortCodeHash),
    index("patient_links_programme_idx").on(t.clinicId, t.programmeId),
  ],
);

export type LoggedExercise = { position: number; exerciseId: string; setsDone: number; setsPlanned: number; skipped: boolean };

export const sessionLogs = pgTable(
  "session_logs",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    version: integer("version").notNull(),
    linkId: uuid("link_id"),
    /** Made on the patient's device, so a retry after a lost response is recognised. */
    idempotencyKey: text("idempotency_key").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
    exercises: jsonb("exercises").$type<LoggedExercise[]>().notNull().default([]),
    pain: integer("pain"),
    difficulty: difficultyEnum("difficulty"),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({
      columns: [t.clinicId, t.programmeId, t.version],
      foreignColumns: [programmeVersions.clinicId, programmeVersions.programmeId, programmeVersions.version],
    }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    uniqueIndex("session_logs_idempotency_key").on(t.clinicId, t.idempotencyKey),
    // Walked backwards for a patient's newest sessions first: the history pages, the pain chart
    // and the list's flags. Pain rides along so the flags read the index alone.
    index("session_logs_patient_idx").on(t.clinicId, t.patientId, t.completedAt, t.id, t.pain),
    index("session_logs_clinic_completed_idx").on(t.clinicId, t.completedAt),
    index("session_logs_programme_idx").on(t.clinicId, t.programmeId, t.completedAt),
    // The per-link quotas count a link's logs by day and by version (lib/domain/patient-link.ts).
    index("session_logs_link_idx").on(t.clinicId, t.linkId, t.version, t.completedAt),
    check("session_logs_pain_range", sql`${t.pain} is null or ${within(t.pain, PAIN_SCALE)}`),
  ],
);

/**
 * Each patient's newest session and the pain scores of their last five, kept by triggers on
 * session_logs (migration 0010) so the list can order and filter a whole clinic by the
 * attention flags without probing every patient's sessions on each request.
 */
export const patientActivity = pgTable(
  "patient_activity",
  {
    clinicId: uuid("clinic_id").notNull(),
    patientId: uuid("patient_id").notNull(),
    lastSessionAt: timestamp("last_session_at", { withTimezone: true }).notNull(),
    /** Pain of the last five sessions that recorded one, newest first (lib/adherence/flags.ts reads it the same way). */
    recentPains: integer("recent_pains").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.patientId] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }).onDelete("cascade"),
  ],
);

/**
 * The patient's email reminder for a programme, chosen on their page. `send_at_minute`
 * (minutes after local midnight) is null when reminders are off; `last_sent_on` is the
 * local day of the last reminder, so a day never gets two.
 */
export const reminderSettings = pgTable(
  "reminder_settings",
  {
    clinicId: uuid("clinic_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    patientId: uuid("patient_id").notNull(),
    sendAtMinute: integer("send_at_minute"),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    lastSentOn: date("last_sent_on"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.programmeId] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    // The sweep reads only reminders that are on.
    index("reminder_settings_on_idx")
      .on(t.sendAtMinute)
      .where(sql`${t.sendAtMinute} is not null`),
    check(
      "reminder_settings_minute",
      sql`${t.sendAtMinute} is null or ${within(t.sendAtMinute, { min: QUIET_HOURS.endMinute, max: QUIET_HOURS.startMinute - 1 })}`,
    ),
  ],
);

/**
 * The thread about one programme between the patient (through their link) and the
 * clinic: a clinician answers a session's comment, the patient answers back. Plain text.
 */
export const programmeMessages = pgTable(
  "programme_messages",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    programmeId: uuid("programme_id").notNull(),
    patientId: uuid("patient_id").notNull(),
    author: messageAuthorEnum("author").notNull(),
    /** Who wrote it, for a clinician's message. */
    clinicianId: uuid("clinician_id"),
    /** The link a patient's message came through (its quotas count by link). */
    linkId: uuid("link_id"),
    /** The session whose comment a reply answers. */
    sessionLogId: uuid("session_log_id"),
    body: text("body").notNull(),
    /** Made by the sender's form, so a double submit stores one message. */
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.clinicianId], foreignColumns: [clinicians.clinicId, clinicians.id] }),
    foreignKey({ columns: [t.clinicId, t.sessionLogId], foreignColumns: [sessionLogs.clinicId, sessionLogs.id] }),
    uniqueIndex("programme_messages_idempotency_key").on(t.clinicId, t.idempotencyKey),
    index("programme_messages_thread_idx").on(t.clinicId, t.programmeId, t.createdAt, t.id),
    index("programme_messages_link_idx").on(t.clinicId, t.linkId, t.createdAt),
    check("programme_messages_body", sql`length(btrim(${t.body})) between 1 and ${sql.raw(String(MESSAGE_MAX))}`),
    check(
      "programme_messages_author",
      sql`(${t.author} = 'clinician' and ${t.clinicianId} is not null) or (${t.author} = 'patient' and ${t.clinicianId} is null)`,
    ),
  ],
);

// ---------------------------------------------------------------- infrastructure

/**
 * Email is written here in the same transaction as the action that causes it; a
 * sender delivers it later. The idempotency key makes a double click send once.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** The record the email is about (a patient link, an invitation), for status on screen. */
    subjectRef: uuid("subject_ref"),
    /** Extra headers (List-Unsubscribe), sealed like the bodies since they can carry a capability URL. */
    headers: text("headers"),
    status: emailStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId], foreignColumns: [clinics.id] }).onDelete("cascade"),
    uniqueIndex("email_outbox_idempotency_key").on(t.clinicId, t.idempotencyKey),
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_subject_idx").on(t.clinicId, t.subjectRef),
    index("email_outbox_clinic_created_idx").on(t.clinicId, t.createdAt, t.id),
    check("email_outbox_no_crlf_headers", sql`${t.toAddress} !~ '[\\r\\n]' and ${t.subject} !~ '[\\r\\n]'`),
  ],
);

/**
 * Who did what to which record. clinic_id is null only for events with no clinic (an unknown email at sign-in).
 * Append-only and hash-chained per clinic, both enforced by triggers in migration 0005_audit-integrity:
 * the app writes the event, the database fills chain_seq, prev_hash and hash, and refuses any
 * UPDATE, DELETE or TRUNCATE. The chain columns are nullable only so the migration could add
 * them to existing rows before filling them in; the trigger always sets them.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    clinicId: uuid("clinic_id"),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    ip: text("ip"),
    detail: jsonb("detail").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** 1, 2, 3 … within the clinic: the order of the chain (ids may commit out of order). */
    chainSeq: bigint("chain_seq", { mode: "number" }),
    /** The previous event's hash in this clinic; null for the first. */
    prevHash: bytea("prev_hash"),
    /** SHA-256 of prev_hash and this event's fields (audit_event_digest in the migration). */
    hash: bytea("hash"),
  },
  (t) => [
    index("audit_events_clinic_at_idx").on(t.clinicId, t.at),
    index("audit_events_object_idx").on(t.objectType, t.objectId),
    // Two events claiming the same place in a clinic's chain would be a fork: refused.
    uniqueIndex("audit_events_chain_key").on(t.clinicId, t.chainSeq),
  ],
);

/** Fixed-window counters for throttling (sign-in, patient-link guessing), shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull().default(0),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    /** When the current window ends; past it (and any block) the row is swept. Rows from before this column get a day. */
    expiresAt: timestamp("expires_at", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '1 day'`),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);

export type Clinic = typeof clinics.$inferSelect;
export type NewClinic = typeof clinics.$inferInsert;
export type Clinician = typeof clinicians.$inferSelect;
export type NewClinician = typeof clinicians.$inferInsert;
export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;
export type Exercise = typeof exercises.$inferSelect;
export type NewExercise = typeof exercises.$inferInsert;
export type Programme = typeof programmes.$inferSelect;
export type ProgrammeVersion = typeof programmeVersions.$inferSelect;
export type ProgrammeItem = typeof programmeItems.$inferSelect;
export type NewProgrammeItem = typeof programmeItems.$inferInsert;
export type PatientLink = typeof patientLinks.$inferSelect;
export type SessionLog = typeof sessionLogs.$inferSelect;
export type ProgrammeMessage = typeof programmeMessages.$inferSelect;
export type ReminderSetting = typeof reminderSettings.$inferSelect;
export type EmailMessage = typeof emailOutbox.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferInsert;

// ---------------------------------------------------------------- FHIR API keys

/**
 * A clinic's key to the read-only FHIR API. Only the SHA-256 of the key is kept, so a
 * database dump cannot be replayed; `prefix` (the first characters) lets an owner tell
 * keys apart on the settings page. A revoked key stays, for the audit trail.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: bytea("key_hash").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId], foreignColumns: [clinics.id] }).onDelete("cascade"),
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    check("api_keys_name_not_blank", sql`length(btrim(${t.name})) > 0`),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;

// ---------------------------------------------------------------- a clinic's own media

export const mediaKindEnum = pgEnum("media_kind", MEDIA_KINDS);

/** One stored file of a media item: a photo's width and format, or the video as uploaded. */
export type MediaVariant = { file: MediaFile; contentType: string; bytes: number; sha256: string };

/**
 * A clinic's photo or video of one of its own exercises (a custom exercise, or its own
 * version of a catalogue one). The files live in the media store (lib/media/storage.ts)
 * under keys named by clinic and id; this row is the only way to them. `sha256` is the
 * content's: the video as uploaded, or the photo's largest JPEG (what the handout prints).
 * `patient_id` marks a film or photo of a patient, which goes when they are erased.
 */
export const exerciseMedia = pgTable(
  "exercise_media",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    kind: mediaKindEnum("kind").notNull(),
    altText: text("alt_text").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    width: integer("width"),
    height: integer("height"),
    durationMs: integer("duration_ms"),
    variants: jsonb("variants").$type<MediaVariant[]>().notNull(),
    patientId: uuid("patient_id"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId], foreignColumns: [clinics.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    index("exercise_media_exercise_idx").on(t.clinicId, t.exerciseId, t.createdAt),
    index("exercise_media_patient_idx")
      .on(t.clinicId, t.patientId)
      .where(sql`${t.patientId} is not null`),
    check(
      "exercise_media_alt_text_length",
      sql`length(btrim(${t.altText})) between ${sql.raw(String(MEDIA_LIMITS.altText.min))} and ${sql.raw(String(MEDIA_LIMITS.altText.max))}`,
    ),
    check("exercise_media_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check(
      "exercise_media_video_length",
      sql`${t.kind} <> 'video' or ${t.durationMs} between 0 and ${sql.raw(String(MEDIA_LIMITS.videoSeconds * 1000))}`,
    ),
  ],
);

export type ExerciseMedia = typeof exerciseMedia.$inferSelect;

// ---------------------------------------------------------------- outcome measures

export const scoringRuleEnum = pgEnum("scoring_rule", SCORING_RULES);

/**
 * A questionnaire a clinic imported (FHIR R4, for a measure it holds a licence for),
 * kept as sent and as Homeplan reads it. Never edited: a changed measure is a new
 * import, so stored responses keep meaning what they meant. Built-in measures (PSFS,
 * NPRS) live in code (lib/outcomes/builtin.ts) and have no row.
 */
export const outcomeMeasures = pgTable(
  "outcome_measures",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    title: text("title").notNull(),
    rule: scoringRuleEnum("rule").notNull(),
    definition: jsonb("definition").$type<Omit<MeasureDefinition, "key">>().notNull(),
    questionnaire: jsonb("questionnaire").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId], foreignColumns: [clinics.id] }).onDelete("cascade"),
  ],
);

/**
 * When a programme asks its patient a measure. `measure` is a built-in key ("psfs",
 * "nprs") or "q-<outcome_measures.id>".
 */
export const outcomeSchedules = pgTable(
  "outcome_schedules",
  {
    clinicId: uuid("clinic_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    measure: text("measure").notNull(),
    atStart: boolean("at_start").notNull().default(false),
    everyWeeks: integer("every_weeks"),
    atReview: boolean("at_review").notNull().default(false),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.programmeId, t.measure] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }).onDelete("cascade"),
    check("outcome_schedules_every_weeks", sql`${t.everyWeeks} is null or ${within(t.everyWeeks, OUTCOME_LIMITS.everyWeeks)}`),
    check("outcome_schedules_some_time", sql`${t.atStart} or ${t.atReview} or ${t.everyWeeks} is not null`),
  ],
);

/**
 * One answered measure, sent from the patient's link like a session log (idempotency
 * key, quotas), filed under the programme version it was answered in. The score is
 * worked out when it arrives, by the measure's rule, and kept with the answers.
 */
export const questionnaireResponses = pgTable(
  "questionnaire_responses",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    version: integer("version").notNull(),
    linkId: uuid("link_id"),
    measure: text("measure").notNull(),
    /** The measure's name when answered (an imported one may later be archived). */
    title: text("title").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    answers: jsonb("answers").$type<Answer[]>().notNull(),
    score: doublePrecision("score"),
    rule: scoringRuleEnum("rule").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({
      columns: [t.clinicId, t.programmeId, t.version],
      foreignColumns: [programmeVersions.clinicId, programmeVersions.programmeId, programmeVersions.version],
    }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    uniqueIndex("questionnaire_responses_idempotency_key").on(t.clinicId, t.idempotencyKey),
    index("questionnaire_responses_patient_idx").on(t.clinicId, t.patientId, t.answeredAt),
    index("questionnaire_responses_programme_idx").on(t.clinicId, t.programmeId, t.measure, t.answeredAt),
    index("questionnaire_responses_link_idx").on(t.clinicId, t.linkId, t.version, t.answeredAt),
  ],
);

export type OutcomeMeasure = typeof outcomeMeasures.$inferSelect;
export type QuestionnaireResponse = typeof questionnaireResponses.$inferSelect;

// ---------------------------------------------------------------- rendered handouts

/**
 * Handout PDFs already drawn, kept across restarts so a download after a save (which
 * renders in the background) or after a restart is a read, not a render. Filed under
 * the digest of everything the sheet prints (lib/pdf/handout-digest.ts), so a changed
 * version, clinic detail, name, link or layout is a different row and a stale sheet is
 * never served. A cache only: any row may go at any time; lib/pdf/handout-store.ts
 * keeps the whole table under a byte budget, oldest first. Rows go with their
 * programme (erasure deletes the programme).
 */
export const handoutPdfs = pgTable(
  "handout_pdfs",
  {
    clinicId: uuid("clinic_id").notNull(),
    digest: text("digest").notNull(),
    programmeId: uuid("programme_id").notNull(),
    pdf: bytea("pdf").notNull(),
    bytes: integer("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.digest] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }).onDelete("cascade"),
    index("handout_pdfs_programme_idx").on(t.clinicId, t.programmeId),
    index("handout_pdfs_created_idx").on(t.createdAt),
  ],
);
