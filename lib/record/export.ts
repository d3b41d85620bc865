import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import {
  getRecordHeader,
  listRecordEmails,
  listRecordLinks,
  listRecordOutcomes,
  listRecordProgrammes,
  recordSessions,
  type RecordSession,
} from "@/db/queries/patient-record";
import { listPatientMedia } from "@/db/queries/media";
import { recordJson } from "./record-json";
import { recordPdf } from "./record-pdf";
import { zipStream } from "./zip";

/**
 * A patient's whole record as a ZIP stream (record.json, then record.pdf), or null when
 * there is no such patient in the clinic. The caller has already authorized the reader.
 */
export async function patientRecordZip(db: DatabaseOrTransaction, key: { clinicId: string; patientId: string }) {
  const header = await getRecordHeader(db, key);
  if (!header) return null;
  const [programmes, links, emails, media, outcomes] = await Promise.all([
    listRecordProgrammes(db, key),
    listRecordLinks(db, key),
    listRecordEmails(db, { ...key, email: header.patient.email }),
    listPatientMedia(db, key),
    listRecordOutcomes(db, key),
  ]);
  const exportedAt = new Date();
  const parts = { header, programmes, links, emails, media, outcomes, exportedAt };
  async function* pdf() {
    // The PDF needs every log at layout time; the JSON above streamed them page by page.
    const sessions: RecordSession[] = [];
    for await (const session of recordSessions(db, key)) sessions.push(session);
    yield* recordPdf({ ...parts, sessions });
  }
  const slug =
    header.patient.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "patient";
  return {
    filename: `record-${slug}-${exportedAt.toISOString().slice(0, 10)}.zip`,
    stream: zipStream([
      { name: "record.json", chunks: recordJson({ ...parts, sessions: recordSessions(db, key) }) },
      { name: "record.pdf", chunks: pdf() },
    ]),
  };
}
