import { PendingLogs } from "@/components/patient/player/pending-logs";
import { formatDate } from "@/lib/dates";
import { estimateSessionMinutes } from "@/lib/player/session-plan";
import type { ProgrammeView, SafetyAdvice } from "@/lib/programme/view";
import { PatientExerciseCard } from "./exercise-card";
import { CalendarIcon, PlayIcon, PrinterIcon } from "./icons";
import { SafetyAdviceSection, SafetyLine } from "./safety-advice";
import { RecentSessions, WeekCount, type RecentSession } from "./week-progress";
import { WhatsChanged } from "./whats-changed";

export type ProgrammePageProps = {
  programme: ProgrammeView;
  /** safetyAdvice() from lib/catalogue/safety.ts. */
  safety: SafetyAdvice[];
  /** The session player for this programme. */
  playHref: string;
  /** The PDF handout. */
  pdfHref: string;
  /** The .ics calendar file. */
  calendarHref: string;
  sessionsThisWeek: number;
  plannedPerWeek: number;
  /** Newest first; a handful is plenty. */
  recentSessions: RecentSession[];
  /** Illustration per exercise, keyed by ProgrammeExerciseView.position. */
  figures?: Record<number, React.ReactNode>;
  /** IANA time zone for dates; the server's own when absent. */
  timeZone?: string;
};

/**
 * The patient's follow-along page: one primary action (start today's session), the
 * plan in plain words, and the safety advice. Server-rendered; the only script on it
 * is the small pending-log sender.
 */
export function ProgrammePage(props: ProgrammePageProps) {
  const { programme: p, safety, figures = {} } = props;
  return (
    <ProgrammePageFrame
      clinicName={p.clinic.name}
      intro={<ProgrammeIntro programme={p} />}
      today={
        <TodayCard
          programmeId={p.programmeId}
          exerciseCount={p.items.length}
          minutes={estimateSessionMinutes(p.items)}
          sessionsThisWeek={props.sessionsThisWeek}
          plannedPerWeek={props.plannedPerWeek}
          playHref={props.playHref}
        />
      }
      plan={<ProgrammePlan programme={p} figures={figures} />}
      keepHandy={<KeepHandy pdfHref={props.pdfHref} calendarHref={props.calendarHref} />}
      recent={<RecentSessions sessions={props.recentSessions} timeZone={props.timeZone} />}
      close={<ProgrammeClose programme={p} safety={safety} />}
    />
  );
}

/*
 * The page in parts. What changes only with the programme (intro, plan, close) is apart
 * from what changes per visit (this week's count, recent sessions) and per link (the
 * hrefs), so the patient route can take the first kind from Next's cache, once per
 * programme version (app/p/[token]/programme-parts.tsx), while the rest stays live.
 */

export function ProgrammePageFrame(slots: {
  clinicName: string;
  intro: React.ReactNode;
  today: React.ReactNode;
  plan: React.ReactNode;
  keepHandy: React.ReactNode;
  recent: React.ReactNode;
  close: React.ReactNode;
}) {
  return (
    <div className="min-h-dvh bg-canvas text-lg print:min-h-0 print:bg-white print:text-[12pt]">
      <a
        href="#exercises"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded-lg focus:bg-surface focus:p-3"
      >
        Skip to your exercises
      </a>
      <header className="border-b border-line bg-surface print:border-ink/30">
        <div className="mx-auto max-w-3xl px-4 py-3 sm:px-6 print:max-w-none print:px-0 print:py-1">
          <p className="font-bold text-brand-700 print:text-ink">{slots.clinicName}</p>
        </div>
      </header>
      <main className="mx-auto grid max-w-3xl gap-8 px-4 pb-16 pt-6 sm:px-6 print:max-w-none print:gap-5 print:px-0 print:pt-2">
        {slots.intro}
        {slots.today}
        {slots.plan}
        {slots.keepHandy}
        {slots.recent}
        {slots.close}
      </main>
    </div>
  );
}

// Start and review dates are calendar dates with no time: format them in UTC so no zone can shift the day.
const longDate = (day: string) => formatDate(day, { day: "numeric", month: "long", year: "numeric" });

export function ProgrammeIntro({ programme: p }: { programme: ProgrammeView }) {
  return (
    <div className="grid gap-4">
      <div>
        <p className="text-xl">Hello {p.patient.firstName},</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{p.title}</h1>
        <p className="mt-2 text-muted">
          Your plan from {p.clinician.name}
          {p.startDate ? <>, starting {longDate(p.startDate)}</> : null}.
        </p>
      </div>
      <SafetyLine href="#safety" />
    </div>
  );
}

export function TodayCard(props: {
  programmeId: string;
  exerciseCount: number;
  minutes: number;
  sessionsThisWeek: number;
  plannedPerWeek: number;
  playHref: string;
}) {
  const count = props.exerciseCount;
  return (
    <section aria-labelledby="today" className="card grid gap-4 p-5 sm:p-6 print:hidden">
      <h2 id="today" className="sr-only">
        Today
      </h2>
      <WeekCount done={props.sessionsThisWeek} planned={props.plannedPerWeek} />
      <p className="text-muted">
        {count} {count === 1 ? "exercise" : "exercises"} · about {props.minutes} minutes
      </p>
      <a href={props.playHref} className="btn-primary min-h-16 w-full rounded-xl px-6 text-xl sm:w-auto sm:justify-self-start">
        <PlayIcon className="size-6" />
        Start today&apos;s session
      </a>
      <PendingLogs programmeId={props.programmeId} />
    </section>
  );
}

/** The note, what changed, and the exercises. */
export function ProgrammePlan({ programme: p, figures }: { programme: ProgrammeView; figures: Record<number, React.ReactNode> }) {
  return (
    <>
      {p.patientNote ? (
        <section aria-labelledby="note" className="card p-5 sm:p-6 print:border-ink/30 print:shadow-none">
          <h2 id="note" className="text-xl font-bold">
            A note from {p.clinician.name}
          </h2>
          <p className="mt-2 whitespace-pre-line">{p.patientNote}</p>
        </section>
      ) : null}

      {p.changes ? <WhatsChanged changes={p.changes} changeNote={p.changeNote} clinicianName={p.clinician.name} /> : null}

      <section id="exercises" aria-labelledby="exercises-heading" className="scroll-mt-4">
        <h2 id="exercises-heading" className="text-2xl font-bold">
          Your exercises
        </h2>
        <ol className="mt-3 grid gap-5 print:gap-3">
          {p.items.map((item, i) => (
            <li key={item.position}>
              <PatientExerciseCard item={item} number={i + 1} clinicianName={p.clinician.name} figure={figures[item.position]} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function KeepHandy({ pdfHref, calendarHref }: { pdfHref: string; calendarHref: string }) {
  return (
    <section aria-labelledby="keep-handy" className="print:hidden">
      <h2 id="keep-handy" className="text-2xl font-bold">
        Keep it handy
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <a href={pdfHref} className="btn-secondary min-h-14 justify-start rounded-xl px-5 text-lg">
          <PrinterIcon className="size-6 text-brand-700" />
          Print or download the sheet
        </a>
        <a href={calendarHref} className="btn-secondary min-h-14 justify-start rounded-xl px-5 text-lg">
          <CalendarIcon className="size-6 text-brand-700" />
          Add to my calendar
        </a>
      </div>
    </section>
  );
}

/** Safety advice and the footer. */
export function ProgrammeClose({ programme: p, safety }: { programme: ProgrammeView; safety: SafetyAdvice[] }) {
  return (
    <>
      <SafetyAdviceSection advice={safety} clinic={p.clinic} />

      <footer className="border-t border-line pt-6 text-muted print:border-ink/30">
        <p>
          {p.clinician.name}, {p.clinic.name}
          {p.clinic.address ? <>, {p.clinic.address}</> : null}
        </p>
        {p.reviewDate ? <p>Your plan will be looked at again on {longDate(p.reviewDate)}.</p> : null}
        <p className="mt-2 print:hidden">
          This page is just for you, so please do not share the link. You do not need an account or an app.
        </p>
      </footer>
    </>
  );
}
