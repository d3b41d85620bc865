import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionPlayer } from "@/components/patient/player/session-player";
import { getDb } from "@/db/client";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { resolvePatientLink } from "@/lib/links/access";
import { animatedFigures } from "@/components/patient/figures";
import { MediaBase } from "@/components/patient/media-base";
import { loadProgrammeView } from "@/lib/patient/programme-view";

export const metadata: Metadata = { title: "Today's session", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function PlayPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolvePatientLink(token);
  if (!link) notFound();
  const programme = await loadProgrammeView(await getDb(), { clinicId: link.clinicId, programmeId: link.programmeId });
  if (!programme) notFound();
  return (
    <MediaBase base={`/p/${token}/media`}>
      <SessionPlayer
        programme={programme}
        logUrl={`/p/${token}/log`}
        backHref={`/p/${token}`}
        safety={safetyAdvice()}
        figures={animatedFigures(programme)}
      />
    </MediaBase>
  );
}
