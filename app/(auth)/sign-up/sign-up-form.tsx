"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { PASSWORD_HINT, PASSWORD_MIN } from "@/lib/domain/password";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, {});
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Clinic name" name="clinicName" autoComplete="organization" required state={state} />
      <Field label="Your name" name="name" autoComplete="name" required state={state} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required state={state} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={PASSWORD_HINT}
        state={state}
      />
      <SubmitButton pendingLabel="Creating your clinic…" className="btn-primary w-full">
        Create clinic
      </SubmitButton>
    </form>
  );
}
