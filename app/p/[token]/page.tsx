import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgrammePage } from "@/components/patient/programme-page";
import { getDb } from "@/db/client";
import { countSessionsSince, listSessions } from "@/db/queries/sessions";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { resolvePatientLink } from "@/lib/patient/access";
import { startOfWeek } from "@/lib/patient/week";
import { stillFigures } from "@/lib/patient/figures";
import { loadProgrammeView } from "@/lib/patient/programme-view";
import { plannedSessionsPerWeek } from "@/lib/player/words";

export const metadata: Metadata = { title: "Your exercises", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** The patient's follow-along page. The link is the key: no account, no password. */
export default async function PatientProgrammePage({ params }: Props) {
  const { token } = await params;
  const link = await resolvePatientLink(token);
  if (!link) notFound();
  const db = await getDb();
  const [programme, thisWeek, recent] = await Promise.all([
    loadProgrammeView(db, { clinicId: link.clinicId, programmeId: link.programmeId }),
    countSessionsSince(db, { clinicId: link.clinicId, programmeId: link.programmeId, since: startOfWeek(new Date()) }),
    listSessions(db, { clinicId: link.clinicId, patientId: link.patientId, programmeId: link.programmeId, limit: 5 }),
  ]);
  if (!programme) notFound();
  const base = `/p/${token}`;
  return (
    <ProgrammePage
      programme={programme}
      safety={safetyAdvice()}
      playHref={`${base}/play`}
      pdfHref={`${base}/handout.pdf`}
      calendarHref={`${base}/calendar.ics`}
      sessionsThisWeek={thisWeek}
      plannedPerWeek={plannedSessionsPerWeek(programme.items)}
      figures={stillFigures(programme)}
      recentSessions={recent.map((s) => ({ completedAt: s.completedAt.toISOString(), pain: s.pain, difficulty: s.difficulty }))}
    />
  );
}
