import type { Metadata } from "next";
import { PatientForm } from "@/components/records/patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getClinicZone } from "@/db/queries/time-zones";
import { requireClinician } from "@/lib/auth/dal";
import { effectiveTimeZone, timeZoneNames } from "@/lib/time/zone";
import { createPatientAction } from "../actions";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const session = await requireClinician();
  const clinicZone = effectiveTimeZone(null, await getClinicZone(await getDb(), session));
  return (
    <>
      <PageHeader title="New patient" description="Name and email are enough to send a programme." />
      <PatientForm
        action={createPatientAction}
        initial={{ name: "", email: "", dateOfBirth: null, timeZone: null, notes: "" }}
        submitLabel="Add patient"
        timeZones={timeZoneNames()}
        clinicZone={clinicZone}
      />
    </>
  );
}
