import type { Organization, Patient, Practitioner } from "@medplum/fhirtypes";
import type { ClinicianRecord, ClinicRecord, PatientRecord } from "./records";

export const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });

export function organizationResource(clinic: ClinicRecord): Organization {
  return {
    resourceType: "Organization",
    id: clinic.id,
    active: true,
    name: clinic.name,
    ...(clinic.phone ? { telecom: [{ system: "phone", value: clinic.phone, use: "work" }] } : {}),
    ...(clinic.address ? { address: [{ text: clinic.address }] } : {}),
  };
}

export function practitionerResource(clinician: ClinicianRecord): Practitioner {
  return {
    resourceType: "Practitioner",
    id: clinician.id,
    active: !clinician.disabledAt,
    name: [{ text: clinician.name }],
    telecom: [{ system: "email", value: clinician.email, use: "work" }],
  };
}

export function patientResource(patient: PatientRecord): Patient {
  return {
    resourceType: "Patient",
    id: patient.id,
    active: !patient.archivedAt,
    name: [{ text: patient.name }],
    telecom: [{ system: "email", value: patient.email }],
    ...(patient.dateOfBirth ? { birthDate: patient.dateOfBirth } : {}),
    managingOrganization: ref("Organization", patient.clinicId),
  };
}
