"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { PASSWORD_HINT, PASSWORD_MIN } from "@/lib/domain/password";
import { acceptInvitationAction } from "../../actions";

export function AcceptInvitationForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, action] = useActionState(acceptInvitationAction, {});
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <div>
        <p className="label">Email</p>
        <p className="rounded-lg border border-line bg-canvas px-3 py-2 text-ink">{email}</p>
        {/* For password managers: the new password belongs to this address. */}
        <input type="email" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
      </div>
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={name} state={state} />
      <Field
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={PASSWORD_HINT}
        state={state}
      />
      <SubmitButton pendingLabel="Joining…" className="btn-primary w-full">
        Join the clinic
      </SubmitButton>
    </form>
  );
}
