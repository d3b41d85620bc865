"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/form";
import type { FormState } from "@/lib/actions";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * One button acting on one record (revoke, disable, send again). With `confirm`, the
 * first press asks in place, so a slip of the mouse on a list cannot lock someone out.
 */
export function RowAction({
  action,
  id,
  label,
  pendingLabel,
  confirm,
  className = "btn-secondary",
}: {
  action: Action;
  id: string;
  label: string;
  pendingLabel?: string;
  confirm?: { question: string; yes: string };
  className?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const [asking, setAsking] = useState(false);
  // Once an answer arrives the question is settled: back to the plain button.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setAsking(false);
  }
  const message = state.message ? (
    <p role="status" className={`text-sm font-bold ${state.ok ? "text-ok" : "text-danger"}`}>
      {state.message}
    </p>
  ) : null;

  if (confirm && !asking) {
    return (
      <div className="flex flex-col items-start gap-1 sm:items-end">
        <button type="button" className={`${className} min-h-10 px-3 text-sm`} onClick={() => setAsking(true)}>
          {label}
        </button>
        {message}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-start gap-2 sm:items-end">
      <input type="hidden" name="id" value={id} />
      {confirm ? <p className="text-sm font-bold text-ink">{confirm.question}</p> : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={pendingLabel} className={`${className} min-h-10 px-3 text-sm`}>
          {confirm ? confirm.yes : label}
        </SubmitButton>
        {confirm ? (
          <button type="button" className="btn-ghost min-h-10 px-3 text-sm" onClick={() => setAsking(false)}>
            Cancel
          </button>
        ) : null}
      </div>
      {message}
    </form>
  );
}
