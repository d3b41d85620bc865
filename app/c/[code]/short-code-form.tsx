"use client";

import { useActionState } from "react";
import { openShortCodeAction } from "@/app/c/[code]/actions";
import { SubmitButton } from "@/components/ui/form";

/** One large field for the year of birth; the answer (never which part was wrong) sits under it. */
export function ShortCodeForm({ code }: { code: string }) {
  const [state, action] = useActionState(openShortCodeAction, {});
  const error = state.errors?.year?.[0] ?? state.message;
  return (
    <form action={action} className="card grid gap-5 p-5 sm:p-6">
      <input type="hidden" name="code" value={code} />
      <div>
        <label htmlFor="year" className="block text-xl font-bold">
          Year you were born
        </label>
        <p id="year-hint" className="mt-1 text-muted">
          Four numbers, for example 1958
        </p>
        <input
          id="year"
          name="year"
          inputMode="numeric"
          autoComplete="bday-year"
          pattern="[0-9]{4}"
          maxLength={4}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "year-hint year-answer" : "year-hint"}
          className="input mt-2 min-h-16 max-w-48 text-center font-mono text-3xl tracking-[0.2em]"
        />
      </div>
      <div aria-live="polite" className="empty:hidden">
        {error ? (
          <p id="year-answer" className="rounded-xl bg-warn-soft p-4 font-bold" data-testid="code-answer">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton className="btn-primary min-h-16 w-full rounded-xl px-6 text-xl sm:w-auto sm:justify-self-start" pendingLabel="Opening…">
        Open my exercises
      </SubmitButton>
    </form>
  );
}
