"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { TextArea } from "@/components/ui/fields";
import type { FormState } from "@/lib/actions";

type Values = { id?: string; name: string; email: string; dateOfBirth: string | null; notes: string };

export function PatientForm({ action, initial, submitLabel }: { action: (s: FormState, f: FormData) => Promise<FormState>; initial: Values; submitLabel: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="card max-w-2xl space-y-4 p-6" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <FormMessage state={state} />
      <Field label="Full name" name="name" autoComplete="off" defaultValue={initial.name} state={state} required />
      <Field label="Email" name="email" type="email" autoComplete="off" defaultValue={initial.email} state={state} hint="Their programme link is sent here." required />
      <Field label="Date of birth (optional)" name="dateOfBirth" type="date" defaultValue={initial.dateOfBirth ?? ""} state={state} />
      <TextArea label="Notes (optional)" name="notes" rows={4} defaultValue={initial.notes} state={state} hint="For the clinic only. Patients never see these." />
      <div className="flex justify-end">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
