import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientForm } from "@/components/records/patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getPatient } from "@/db/queries/patients";
import { getClinicZone } from "@/db/queries/time-zones";
import { requireClinician } from "@/lib/auth/dal";
import { effectiveTimeZone, timeZoneNames } from "@/lib/time/zone";
import { isUuid } from "@/lib/ids";
import { updatePatientAction } from "../../actions";

export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireClinician();
  const { id } = await params;
  const db = await getDb();
  const patient = isUuid(id) ? await getPatient(db, { id, clinicId: session.clinicId }) : undefined;
  if (!patient) notFound();
  const clinicZone = effectiveTimeZone(null, await getClinicZone(db, session));
  return (
    <>
      <PageHeader title={`Edit ${patient.name}`} />
      <PatientForm
        action={updatePatientAction}
        initial={patient}
        submitLabel="Save changes"
        timeZones={timeZoneNames()}
        clinicZone={clinicZone}
      />
    </>
  );
}
