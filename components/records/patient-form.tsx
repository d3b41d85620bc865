"use client";

import { useActionState, useTransition } from "react";
import { Field, FormMessage } from "@/components/ui/form";
import { Select, TextArea } from "@/components/ui/fields";
import type { FormState } from "@/lib/actions";

type Values = { id?: string; name: string; email: string; dateOfBirth: string | null; timeZone: string | null; notes: string };

export function PatientForm({
  action,
  initial,
  submitLabel,
  timeZones,
  clinicZone,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  initial: Values;
  submitLabel: string;
  /** The IANA names the server knows (drawn there, so the browser's own list cannot differ). */
  timeZones: string[];
  clinicZone: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const [pending, startTransition] = useTransition();
  // Submitted by hand rather than through <form action>, so React does not reset the
  // fields after a refused save: notes and date of birth are not echoed back by the server.
  return (
    <form
      className="card max-w-2xl space-y-4 p-6"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <FormMessage state={state} />
      <Field label="Full name" name="name" autoComplete="off" defaultValue={initial.name} state={state} required />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={initial.email}
        state={state}
        hint="Their programme link is sent here."
        required
      />
      <Field label="Date of birth (optional)" name="dateOfBirth" type="date" defaultValue={initial.dateOfBirth ?? ""} state={state} />
      <Select
        label="Time zone"
        name="timeZone"
        defaultValue={initial.timeZone ?? ""}
        state={state}
        hint="Where the patient lives: their week, reminders and calendar follow it."
        options={[
          { value: "", label: `Same as the clinic (${clinicZone.replace(/_/g, " ")})` },
          ...timeZones.map((z) => ({ value: z, label: z.replace(/_/g, " ") })),
        ]}
      />
      <TextArea
        label="Notes (optional)"
        name="notes"
        rows={4}
        defaultValue={initial.notes}
        state={state}
        hint="For the clinic only. Patients never see these."
      />
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
