import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgrammeBuilder } from "@/app/(portal)/programmes/_components/builder";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentLink } from "@/lib/links/current";
import { getPatient } from "@/db/queries/patients";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { getProgrammeVersion } from "@/db/queries/programmes";
import { requireClinician } from "@/lib/auth/dal";
import { isUuid } from "@/lib/ids";
import { toBuilderContent } from "@/lib/programme/to-builder";

export const metadata: Metadata = { title: "Edit programme" };

export default async function EditProgrammePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireClinician();
  const { id } = await params;
  const db = await getDb();
  const programme = isUuid(id) ? await getProgrammeVersion(db, { id, clinicId: session.clinicId }) : undefined;
  if (!programme || programme.header.kind !== "programme" || !programme.header.patientId) notFound();
  const [patient, link] = await Promise.all([
    getPatient(db, { id: programme.header.patientId, clinicId: session.clinicId }),
    getCurrentLink(db, { clinicId: session.clinicId, programmeId: id, key: linkKey(env().AUTH_SECRET) }),
  ]);
  return (
    <>
      <PageHeader
        title={`Edit ${programme.version.title}`}
        description={`For ${patient?.name ?? "this patient"}. Saving makes version ${programme.header.currentVersion + 1}; the patient's link shows it straight away.`}
      />
      <ProgrammeBuilder
        kind="programme"
        programmeId={programme.header.id}
        patientId={programme.header.patientId}
        patientName={patient?.name}
        baseVersion={programme.header.currentVersion}
        initial={toBuilderContent(programme)}
        linkLive={link?.status === "active"}
      />
    </>
  );
}
