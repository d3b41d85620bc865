"use client";

import { useActionState } from "react";
import { erasePatientAction } from "@/app/(portal)/patients/erase-actions";
import { Select } from "@/components/ui/fields";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
// The reasons without their zod schema: zod in a browser bundle probes for eval, which the CSP reports.
import { ERASURE_REASONS } from "@/lib/domain/record";

const REASONS = Object.entries(ERASURE_REASONS).map(([value, label]) => ({ value, label }));

/** The danger zone: erasing needs a reason and the patient's name typed out, so it is never a slip. */
export function ErasePatientForm({ patient }: { patient: { id: string; name: string } }) {
  const [state, formAction] = useActionState(erasePatientAction, {});
  return (
    <details className="card border-danger/40 p-5" open={Boolean(state.message)}>
      <summary className="cursor-pointer font-bold text-danger">Erase this patient</summary>
      <form action={formAction} className="mt-4 max-w-prose space-y-4">
        <p className="text-sm">
          Erasing removes {patient.name}, their programmes and every version, their session logs, their links and the emails sent to them,
          for good. It cannot be undone, so export the record first if they asked for a copy. Templates saved from their programmes stay.
          The audit trail keeps only that a record was erased, by whom, when and why.
        </p>
        <input type="hidden" name="id" value={patient.id} />
        <Select label="Why" name="reason" state={state} options={REASONS} defaultValue="patient_request" />
        <Field
          label="Type the patient's full name to confirm"
          name="confirmName"
          state={state}
          hint={<>Exactly as shown: {patient.name}</>}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <FormMessage state={state} />
        <SubmitButton className="btn-danger" pendingLabel="Erasing…">
          Erase for good
        </SubmitButton>
      </form>
    </details>
  );
}
