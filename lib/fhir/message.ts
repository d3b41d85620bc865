import type { Communication } from "@medplum/fhirtypes";
import { fhirIds } from "./ids";
import { ref } from "./people";
import type { MessageRecord } from "./records";

/*
 * A message in a programme's thread is a Communication: sent by the clinician to the
 * patient or the other way, about the session whose comment it answers (its Procedure),
 * with the words as plain text.
 */
export function communicationResource(m: MessageRecord): Communication {
  const patient = ref("Patient", m.patientId);
  const clinician = m.clinicianId ? ref("Practitioner", m.clinicianId) : undefined;
  return {
    resourceType: "Communication",
    id: m.id,
    status: "completed",
    subject: patient,
    sent: m.createdAt.toISOString(),
    ...(m.author === "clinician" ? { sender: clinician, recipient: [patient] } : { sender: patient }),
    ...(m.sessionLogId ? { about: [ref("Procedure", fhirIds.sessionProcedure(m.sessionLogId))] } : {}),
    payload: [{ contentString: m.body }],
  };
}
