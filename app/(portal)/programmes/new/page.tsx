import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgrammeBuilder } from "@/app/(portal)/programmes/_components/builder";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getPatient } from "@/db/queries/patients";
import { getProgrammeVersion, listProgrammes } from "@/db/queries/programmes";
import { requireClinician } from "@/lib/auth/dal";
import { isoToday } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import type { BuilderContent } from "@/lib/programme/builder-types";
import { toBuilderContent } from "@/lib/programme/to-builder";

export const metadata: Metadata = { title: "New programme" };

function weeksFrom(date: string, weeks: number) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}

export default async function NewProgrammePage({ searchParams }: { searchParams: Promise<{ patient?: string; template?: string }> }) {
  const session = await requireClinician();
  const { patient: patientId, template: templateId } = await searchParams;
  const db = await getDb();
  const patient = isUuid(patientId) ? await getPatient(db, { id: patientId, clinicId: session.clinicId }) : undefined;
  if (!patient) notFound();
  const found = isUuid(templateId) ? await getProgrammeVersion(db, { id: templateId, clinicId: session.clinicId }) : undefined;
  const template = found?.header.kind === "template" ? found : undefined;
  const templates = await listProgrammes(db, { clinicId: session.clinicId, kind: "template" });
  const today = isoToday();
  const start: BuilderContent = template
    ? { ...toBuilderContent(template, { asTemplate: true }), startDate: today, reviewDate: weeksFrom(today, 4) }
    : { title: "Home exercises", patientNote: "", changeNote: "", startDate: today, reviewDate: weeksFrom(today, 4), items: [] };

  return (
    <>
      <PageHeader
        title={`New programme for ${patient.name}`}
        description={
          template
            ? `Starting from the template “${template.version.title}”. Adjust anything before saving.`
            : "Add exercises from the catalogue, set each dose, then save."
        }
      />
      {!template && templates.length ? (
        <nav aria-label="Start from a template" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">Start from a template:</span>
          {templates.map((t) => (
            <Link
              key={t.id}
              href={`/programmes/new?patient=${patient.id}&template=${t.id}`}
              className="rounded-full border border-line bg-surface px-3 py-1 font-bold text-brand-700 hover:border-brand-200"
            >
              {t.title}
            </Link>
          ))}
        </nav>
      ) : null}
      <ProgrammeBuilder
        key={template?.header.id ?? "blank"}
        kind="programme"
        patientId={patient.id}
        patientName={patient.name}
        baseVersion={0}
        initial={start}
      />
    </>
  );
}
