import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionPlayer } from "@/components/patient/player/session-player";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { isProduction } from "@/lib/env";
import { sampleProgramme } from "@/lib/programme/sample";

export const metadata: Metadata = { title: "Session player preview", robots: { index: false } };

/**
 * Development only: the session player with the sample programme. `?reps=1` takes the
 * holds away so the tap-per-rep flow can be tried too.
 */
export default async function PlayerPreviewPage({ searchParams }: { searchParams: Promise<{ reps?: string }> }) {
  if (isProduction()) notFound();
  const { reps } = await searchParams;
  const programme = sampleProgramme(5);
  if (reps) {
    programme.version = 99;
    programme.items = programme.items.map((item) => ({ ...item, dosage: { ...item.dosage, holdSeconds: 0 } }));
  }
  return <SessionPlayer programme={programme} logUrl="/dev/patient-preview/log" backHref="/dev/patient-preview" safety={safetyAdvice()} />;
}
