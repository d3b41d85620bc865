"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { PASSWORD_HINT, PASSWORD_MIN } from "@/lib/domain/password";
import { changePasswordAction, updateNameAction } from "./actions";

export function NameForm({ name, email }: { name: string; email: string }) {
  const [state, action] = useActionState(updateNameAction, {});
  return (
    <form action={action} className="card space-y-5 p-5 sm:p-6" noValidate>
      <FormMessage state={state} />
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={name}
        state={state}
        hint="Shown to your colleagues and printed on the handouts you make."
      />
      <div>
        <p className="label">Email</p>
        <p className="text-ink" data-testid="account-email">
          {email}
        </p>
        <p className="text-sm text-muted">You sign in with this address. To use another one, ask your clinic owner to invite it.</p>
      </div>
      <div className="flex justify-end border-t border-line pt-4">
        <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
      </div>
    </form>
  );
}

export function PasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, {});
  return (
    <form action={action} className="card space-y-5 p-5 sm:p-6" noValidate>
      <FormMessage state={state} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required state={state} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={PASSWORD_HINT}
        state={state}
      />
      <div className="flex flex-col-reverse gap-3 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-muted">You stay signed in here; every other device is signed out.</p>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
