import { canExportRecord, type SessionClinician } from "@/lib/auth/dal";
import { ErasePatientForm } from "./erase-patient-form";

/**
 * The clinic's duties to this patient as data controller: hand over their record
 * (owners and the clinicians treating them) and erase it on request (owners only).
 */
export async function PatientRecordDuties({ patient, session }: { patient: { id: string; name: string }; session: SessionClinician }) {
  const owner = session.role === "owner";
  const canExport = await canExportRecord(session, patient.id);
  if (!canExport && !owner) return null;
  return (
    <section aria-labelledby="record-heading" className="mt-10 space-y-4">
      <h2 id="record-heading" className="text-xl font-bold">
        Their record
      </h2>
      {canExport ? (
        <div className="card flex flex-wrap items-center justify-between gap-4 p-5">
          <div className="max-w-prose">
            <h3 className="font-bold">Export the whole record</h3>
            <p className="mt-1 text-sm text-muted">
              One ZIP file: a PDF to read or send to the patient, and a JSON file another system can import. It holds their details, every
              programme version, every session they logged, and the emails and links sent to them. The download is recorded in the audit
              trail.
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <a href={`/patients/${patient.id}/record.zip`} className="btn-secondary" download>
              Export record
            </a>
            <a
              href={`/patients/${patient.id}/fhir-bundle.json`}
              download
              className="btn-secondary"
              title="The patient's programmes and session logs in the FHIR R4 standard, for other health software"
            >
              FHIR record
            </a>
          </div>
        </div>
      ) : null}
      {owner ? <ErasePatientForm patient={patient} /> : null}
    </section>
  );
}
