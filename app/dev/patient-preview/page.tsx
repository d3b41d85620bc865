import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgrammePage } from "@/components/patient/programme-page";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { isProduction } from "@/lib/env";
import { plannedSessionsPerWeek } from "@/lib/player/session-plan";
import { sampleProgramme } from "@/lib/programme/sample";

export const metadata: Metadata = { title: "Patient page preview", robots: { index: false } };

/** Development only: the follow-along page with the sample programme, to look at and test by hand. */
export default function PatientPreviewPage() {
  if (isProduction()) notFound();
  const programme = sampleProgramme(5);
  return (
    <ProgrammePage
      programme={programme}
      safety={safetyAdvice()}
      playHref="/dev/patient-preview/play"
      pdfHref="/dev/patient-preview/handout.pdf"
      calendarHref="/dev/patient-preview/calendar.ics"
      sessionsThisWeek={2}
      plannedPerWeek={plannedSessionsPerWeek(programme.items)}
      recentSessions={[
        { completedAt: "2026-11-25T18:10:00.000Z", pain: 3, difficulty: "about_right" },
        { completedAt: "2026-11-23T08:40:00.000Z", pain: 4, difficulty: "too_hard" },
      ]}
      timeZone="Europe/London"
    />
  );
}
