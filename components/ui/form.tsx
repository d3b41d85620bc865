"use client";

import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/actions";

export function SubmitButton({
  children,
  pendingLabel,
  className = "btn-primary",
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </button>
  );
}

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  state?: FormState;
  hint?: React.ReactNode;
};

/** A labelled input whose error sits next to it and is announced with it. */
export function Field({ label, name, state, hint, id, defaultValue, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  const error = state?.errors?.[name]?.[0];
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={fieldId} className="label">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="-mt-0.5 mb-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        defaultValue={state?.values?.[name] ?? defaultValue}
        {...input}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="mt-1 text-sm font-bold text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form's summary line, read out by screen readers when it changes. */
export function FormMessage({ state }: { state?: FormState }) {
  const message = state?.message;
  return (
    <div aria-live="polite" className="empty:hidden">
      {message ? (
        <p
          className={`rounded-lg px-3 py-2 text-sm font-bold ${state?.ok ? "bg-ok-soft text-ok" : "bg-danger-soft text-danger"}`}
          data-testid="form-message"
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
