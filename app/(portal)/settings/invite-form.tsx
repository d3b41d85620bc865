"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { inviteClinicianAction } from "./actions";

const ROLES = [
  { value: "clinician", label: "Clinician", hint: "Patients, programmes and templates." },
  { value: "owner", label: "Owner", hint: "Everything a clinician can, plus clinic details and the team." },
] as const;

/** `requestId` makes a double submit one invitation; each success hands back a fresh one. */
export function InviteForm({ requestId }: { requestId: string }) {
  const [state, action] = useActionState(inviteClinicianAction, {});
  const role = state.ok ? "clinician" : (state.values?.role ?? "clinician");
  return (
    <form action={action} className="card space-y-5 p-5 sm:p-6" noValidate>
      <div>
        <h3 className="font-bold">Invite a colleague</h3>
        <p className="text-sm text-muted">They get an email with a link to choose their password. The link works once, for 7 days.</p>
      </div>
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={state.values?.requestId ?? requestId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="invite-name" label="Name" name="name" autoComplete="off" state={state} key={`name-${state.values?.requestId}`} />
        <Field
          id="invite-email"
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          state={state}
          key={`email-${state.values?.requestId}`}
        />
      </div>
      <fieldset>
        <legend className="label">Role</legend>
        <div className="grid gap-2 sm:grid-cols-2" key={`role-${state.values?.requestId}`}>
          {ROLES.map((r) => (
            <label
              key={r.value}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="role" value={r.value} defaultChecked={role === r.value} className="mt-1 size-4 accent-brand-600" />
              <span>
                <span className="block font-bold">{r.label}</span>
                <span className="block text-sm text-muted">{r.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end border-t border-line pt-4">
        <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
      </div>
    </form>
  );
}
