import type { getRecordHeader, RecordOutcomes, RecordProgramme, RecordSession } from "@/db/queries/patient-record";

/** The machine-readable record's identity; docs/patient-record.md and docs/patient-record.schema.json describe it. */
const RECORD_FORMAT = "homeplan.patient-record";
const RECORD_VERSION = 1;

export type RecordParts = {
  header: NonNullable<Awaited<ReturnType<typeof getRecordHeader>>>;
  programmes: RecordProgramme[];
  links: { id: string; programmeId: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null }[];
  emails: { id: string; kind: string; to: string; subject: string; status: string; createdAt: Date; sentAt: Date | null }[];
  /** Photos and videos that show the patient: what they are, not their bytes. */
  media: {
    id: string;
    exerciseId: string;
    exerciseName: string;
    kind: string;
    altText: string;
    sha256: string;
    bytes: number;
    durationMs: number | null;
    createdAt: Date;
  }[];
  sessions: AsyncIterable<RecordSession>;
  /** The measures asked on their programmes and their answers (optional in the format: added later). */
  outcomes: RecordOutcomes;
  exportedAt: Date;
};

const linkStatus = (l: RecordParts["links"][number], now: Date) => (l.revokedAt ? "revoked" : l.expiresAt <= now ? "expired" : "active");

/**
 * record.json, a piece at a time: everything but the session logs is small and written
 * whole; the logs are written one by one as the database pages them out.
 */
export async function* recordJson(parts: RecordParts): AsyncGenerator<string> {
  const { header, exportedAt } = parts;
  const head = {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    exportedAt,
    clinic: { name: header.clinicName },
    patient: header.patient,
    programmes: parts.programmes,
    links: parts.links.map((l) => ({ ...l, status: linkStatus(l, exportedAt) })),
    emails: parts.emails,
    media: parts.media,
    outcomes: parts.outcomes,
  };
  // The head's closing brace is replaced by the sessions array.
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "sessions": [`;
  let first = true;
  for await (const session of parts.sessions) {
    yield `${first ? "\n" : ",\n"}    ${JSON.stringify(session)}`;
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}
