import type { Metadata } from "next";
import { ProgrammeBuilder } from "@/app/(portal)/programmes/_components/builder";
import { PageHeader } from "@/components/ui/page-header";
import { requireClinician } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  await requireClinician();
  return (
    <>
      <PageHeader title="New template" description="A template is a programme without a patient. Start patients' programmes from it." />
      <ProgrammeBuilder
        kind="template"
        baseVersion={0}
        initial={{ title: "", patientNote: "", changeNote: "", startDate: "", reviewDate: "", items: [] }}
      />
    </>
  );
}
