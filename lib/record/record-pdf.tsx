import { Document, Page, renderToStream, StyleSheet, Text, View } from "@react-pdf/renderer";
import { clockLabel } from "@/lib/domain/reminders";
import { createElement } from "react";
import { dosageCompact } from "@/lib/dosage/format";
import { loadHandoutFonts } from "@/lib/pdf/fonts";
import { FILL, INK, RULE, s as handout, SOFT_INK } from "@/lib/pdf/handout-styles";
import { DIFFICULTY_LABELS } from "@/lib/domain/labels";
import type { RecordSession } from "@/db/queries/patient-record";
import type { RecordParts } from "./record-json";

/** The record to read: the same content as record.json, in the handout's type and ink. */
type Props = Omit<RecordParts, "sessions"> & { sessions: RecordSession[] };

const r = StyleSheet.create({
  h1: { fontSize: 22, fontWeight: 700, marginTop: 14 },
  h2: { fontSize: 15, fontWeight: 700, marginTop: 18, marginBottom: 6, borderBottomWidth: 1, borderBottomColor: RULE, paddingBottom: 3 },
  h3: { fontSize: 12.5, fontWeight: 700, marginTop: 10 },
  small: { fontSize: 10.5, color: SOFT_INK },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 3 },
  headRow: { flexDirection: "row", backgroundColor: FILL, paddingVertical: 3 },
  cell: { fontSize: 10.5, paddingRight: 6 },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 44,
    right: 44,
    fontSize: 10,
    color: SOFT_INK,
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

const when = (d: Date | string | null) => (d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");
const day = (d: Date | string | null) => (d ? String(d instanceof Date ? d.toISOString() : d).slice(0, 10) : "—");

function Table({ columns, rows }: { columns: { label: string; width: string }[]; rows: string[][] }) {
  return (
    <View>
      <View style={r.headRow} fixed>
        {columns.map((c) => (
          <Text key={c.label} style={[r.cell, { width: c.width, fontWeight: 700 }]}>
            {c.label}
          </Text>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={r.row} wrap={false}>
          {row.map((value, j) => (
            <Text key={j} style={[r.cell, { width: columns[j]!.width }]}>
              {value}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function RecordDocument({ header, programmes, links, emails, media, sessions, outcomes, exportedAt }: Props) {
  const p = header.patient;
  return (
    <Document title={`Record of ${p.name}`} author={header.clinicName} creator="Homeplan">
      <Page size="A4" style={handout.page}>
        <View style={handout.header}>
          <Text style={handout.clinicName}>{header.clinicName}</Text>
          <Text style={r.small}>Exported {when(exportedAt)}</Text>
        </View>
        <Text style={r.h1}>Patient record: {p.name}</Text>
        <Text>Email: {p.email}</Text>
        <Text>Date of birth: {day(p.dateOfBirth)}</Text>
        {p.timeZone ? <Text>Time zone: {p.timeZone}</Text> : null}
        <Text>
          Added: {when(p.createdAt)}
          {p.archivedAt ? ` · archived ${when(p.archivedAt)}` : ""}
        </Text>
        {p.notes ? (
          <View style={handout.noteBox}>
            <Text style={handout.bold}>Clinic notes</Text>
            <Text>{p.notes}</Text>
          </View>
        ) : null}

        <Text style={r.h2}>Programmes</Text>
        {programmes.length === 0 ? <Text>No programme.</Text> : null}
        {programmes.flatMap((programme) =>
          programme.versions.map((v) => (
            <View key={`${programme.id}-${v.version}`} wrap>
              <Text style={r.h3}>
                {v.title} — version {v.version} of {programme.currentVersion}
              </Text>
              <Text style={r.small}>
                Saved {when(v.createdAt)} · start {day(v.startDate)} · review {day(v.reviewDate)}
              </Text>
              {v.patientNote ? <Text>Note to the patient: {v.patientNote}</Text> : null}
              {v.changeNote ? <Text>What changed: {v.changeNote}</Text> : null}
              {v.version === programme.currentVersion && programme.reminder ? (
                <Text style={r.small}>{reminderLine(programme.reminder, when)}</Text>
              ) : null}
              {v.exercises.map((e) => (
                <Text key={e.position} style={{ fontSize: 11, marginLeft: 10 }}>
                  {e.position + 1}. {e.name}: {dosageCompact(e)}
                  {e.note ? ` · ${e.note}` : ""}
                </Text>
              ))}
            </View>
          )),
        )}

        {programmes.some((p) => p.messages.length > 0) ? <Text style={r.h2}>Messages</Text> : null}
        {programmes.flatMap((programme) =>
          programme.messages.map((m) => (
            <Text key={m.id} style={{ fontSize: 11, marginBottom: 4 }}>
              {when(m.createdAt)} · {m.author === "clinician" ? (m.clinicianName ?? "Clinician") : "Patient"}: {m.body}
            </Text>
          )),
        )}

        <Text style={r.h2}>Sessions logged ({sessions.length})</Text>
        {sessions.length === 0 ? (
          <Text>No session logged.</Text>
        ) : (
          <Table
            columns={[
              { label: "Completed", width: "24%" },
              { label: "Pain (0–10)", width: "13%" },
              { label: "Difficulty", width: "16%" },
              { label: "Comment", width: "47%" },
            ]}
            rows={sessions.map((x) => [
              when(x.completedAt),
              x.pain === null ? "—" : String(x.pain),
              x.difficulty ? DIFFICULTY_LABELS[x.difficulty] : "—",
              x.comment || "—",
            ])}
          />
        )}

        <Text style={r.h2}>Outcome measures answered ({outcomes.responses.length})</Text>
        {outcomes.responses.length === 0 ? (
          <Text>No outcome measure answered.</Text>
        ) : (
          <Table
            columns={[
              { label: "Answered", width: "24%" },
              { label: "Measure", width: "22%" },
              { label: "Score", width: "12%" },
              { label: "Answers", width: "42%" },
            ]}
            rows={outcomes.responses.map((x) => [
              when(x.answeredAt),
              x.title,
              x.score === null ? "—" : String(x.score),
              x.answers.map((a) => `${a.label ?? a.linkId}: ${a.value}`).join("; "),
            ])}
          />
        )}

        <Text style={r.h2}>Emails sent</Text>
        {emails.length === 0 ? (
          <Text>No email.</Text>
        ) : (
          <Table
            columns={[
              { label: "Written", width: "24%" },
              { label: "Subject", width: "46%" },
              { label: "Status", width: "12%" },
              { label: "Sent", width: "18%" },
            ]}
            rows={emails.map((e) => [when(e.createdAt), e.subject, e.status, e.sentAt ? when(e.sentAt) : "—"])}
          />
        )}

        {media.length > 0 ? (
          <>
            <Text style={r.h2}>Photos and videos of them</Text>
            <Table
              columns={[
                { label: "Taken", width: "24%" },
                { label: "Exercise", width: "26%" },
                { label: "Kind", width: "12%" },
                { label: "What it shows", width: "38%" },
              ]}
              rows={media.map((m) => [when(m.createdAt), m.exerciseName, m.kind === "photo" ? "Photo" : "Video", m.altText])}
            />
          </>
        ) : null}

        <Text style={r.h2}>Programme links</Text>
        {links.length === 0 ? (
          <Text>No link issued.</Text>
        ) : (
          <Table
            columns={[
              { label: "Issued", width: "34%" },
              { label: "Expires", width: "33%" },
              { label: "Revoked", width: "33%" },
            ]}
            rows={links.map((l) => [when(l.createdAt), when(l.expiresAt), l.revokedAt ? when(l.revokedAt) : "—"])}
          />
        )}
        <Text style={[r.small, { marginTop: 14, color: INK }]}>
          The links themselves are not printed: they would open the programme for anyone holding this paper.
        </Text>

        <View style={r.footer} fixed>
          <Text>Record of {p.name}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

/** record.pdf as a stream of bytes. react-pdf lays out the whole document before writing it. */
export async function* recordPdf(props: Props): AsyncGenerator<Uint8Array> {
  await loadHandoutFonts();
  const element = createElement(RecordDocument, props) as unknown as Parameters<typeof renderToStream>[0];
  const stream = await renderToStream(element);
  for await (const chunk of stream as AsyncIterable<Buffer | string>)
    yield typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk);
}

/** The patient's reminder choice for a programme, in a line. */
function reminderLine(
  r: { sendAtMinute: number | null; unsubscribedAt: Date | null; lastSentOn: string | null },
  when: (d: Date) => string,
): string {
  const state =
    r.sendAtMinute !== null
      ? `on at ${clockLabel(r.sendAtMinute)}`
      : r.unsubscribedAt
        ? `off (unsubscribed ${when(r.unsubscribedAt)})`
        : "off";
  return `Email reminders: ${state}${r.lastSentOn ? ` · last sent ${r.lastSentOn}` : ""}`;
}
