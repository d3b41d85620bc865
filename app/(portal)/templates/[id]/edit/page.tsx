import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgrammeBuilder } from "@/app/(portal)/programmes/_components/builder";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getProgrammeVersion } from "@/db/queries/programmes";
import { requireClinician } from "@/lib/auth/dal";
import { isUuid } from "@/lib/ids";
import { toBuilderContent } from "@/lib/programme/to-builder";

export const metadata: Metadata = { title: "Edit template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireClinician();
  const { id } = await params;
  const template = isUuid(id) ? await getProgrammeVersion(await getDb(), { id, clinicId: session.clinicId }) : undefined;
  if (!template || template.header.kind !== "template") notFound();
  return (
    <>
      <PageHeader title={`Edit template: ${template.version.title}`} />
      <ProgrammeBuilder
        kind="template"
        programmeId={template.header.id}
        baseVersion={template.header.currentVersion}
        initial={toBuilderContent(template, { asTemplate: true })}
      />
    </>
  );
}
