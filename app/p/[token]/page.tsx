import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KeepHandy, ProgrammePageFrame, TodayCard } from "@/components/patient/programme-page";
import { RecentSessions } from "@/components/patient/week-progress";
import { getDb } from "@/db/client";
import { countSessionsSince, listSessions } from "@/db/queries/sessions";
import { resolvePatientLink } from "@/lib/links/access";
import { getProgrammePageParts } from "@/app/p/[token]/programme-parts";
import { MediaBase } from "@/components/patient/media-base";
import { OutcomePrompt } from "@/components/patient/outcomes/outcome-prompt";
import { firstName, loadDueOutcomes } from "@/lib/outcomes/due";
import { MessageBox } from "@/components/patient/message-box";
import { ReminderChoice } from "@/components/patient/reminder-choice";
import { listThread } from "@/db/queries/messages";
import { getReminder } from "@/db/queries/reminders";
import { effectiveTimeZone, startOfZonedWeek } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Your exercises", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ reminder?: string; message?: string }> };

/**
 * The patient's follow-along page. The link is the key: no account, no password.
 * The link is checked and the week's sessions are read on every visit; the programme
 * itself comes from memory (app/p/[token]/programme-parts.tsx), keyed by its version and
 * stamp, so it is read again whenever it changes.
 */
export default async function PatientProgrammePage({ params, searchParams }: Props) {
  const { token } = await params;
  const link = await resolvePatientLink(token);
  if (!link) notFound();
  const db = await getDb();
  // "This week" and every time shown are the patient's (their own zone, else the clinic's).
  const timeZone = effectiveTimeZone(link.patientZone, link.clinicZone);
  const base = `/p/${token}`;
  const [parts, thisWeek, recent, outcomes, reminder, thread, query] = await Promise.all([
    getProgrammePageParts(db, { clinicId: link.clinicId, programmeId: link.programmeId }),
    countSessionsSince(db, { clinicId: link.clinicId, programmeId: link.programmeId, since: startOfZonedWeek(new Date(), timeZone) }),
    listSessions(db, { clinicId: link.clinicId, patientId: link.patientId, programmeId: link.programmeId, limit: 5 }),
    // Live, not from the cache: answering must clear the prompt at once.
    loadDueOutcomes(db, { clinicId: link.clinicId, programmeId: link.programmeId }),
    getReminder(db, link),
    listThread(db, link),
    searchParams,
  ]);
  if (!parts) notFound();
  return (
    <ProgrammePageFrame
      clinicName={parts.clinicName}
      intro={parts.intro}
      today={
        <>
          <OutcomePrompt
            count={outcomes?.due.length ?? 0}
            clinicianFirstName={firstName(outcomes?.clinicianName ?? "your physio")}
            href={`${base}/questions`}
            programmeId={parts.programmeId}
          />
          <TodayCard
            programmeId={parts.programmeId}
            exerciseCount={parts.exerciseCount}
            minutes={parts.minutes}
            sessionsThisWeek={thisWeek}
            plannedPerWeek={parts.plannedPerWeek}
            playHref={`${base}/play`}
          />
        </>
      }
      plan={<MediaBase base={`${base}/media`}>{parts.plan}</MediaBase>}
      keepHandy={
        <>
          <KeepHandy pdfHref={`${base}/handout.pdf`} calendarHref={`${base}/calendar.ics`} />
          <ReminderChoice
            action={`${base}/reminders`}
            sendAtMinute={reminder?.sendAtMinute ?? null}
            unsubscribed={Boolean(reminder?.unsubscribedAt)}
            timeZone={timeZone}
            saved={query.reminder === "saved"}
          />
        </>
      }
      recent={
        <>
          <MessageBox
            messages={thread}
            action={`${base}/messages`}
            requestId={crypto.randomUUID()}
            timeZone={timeZone}
            clinicianName={thread.findLast((m) => m.author === "clinician")?.clinicianName ?? "your physio"}
            notice={query.message}
          />
          <RecentSessions
            sessions={recent.map((s) => ({ completedAt: s.completedAt.toISOString(), pain: s.pain, difficulty: s.difficulty }))}
            timeZone={timeZone}
          />
        </>
      }
      close={parts.close}
    />
  );
}
