/** A plain download link (not client-side navigation) to the patient's FHIR record. */
export function FhirBundleLink({ patientId }: { patientId: string }) {
  return (
    <a href={`/patients/${patientId}/fhir-bundle.json`} download className="btn-secondary" title="The patient's programmes and session logs in the FHIR R4 standard, for other health software">
      Download FHIR record
    </a>
  );
}
