import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireClinician } from "@/lib/auth/dal";
import { createPatientAction } from "../actions";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  await requireClinician();
  return (
    <>
      <PageHeader title="New patient" description="Name and email are enough to send a programme." />
      <PatientForm action={createPatientAction} initial={{ name: "", email: "", dateOfBirth: null, notes: "" }} submitLabel="Add patient" />
    </>
  );
}
