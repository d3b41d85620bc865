"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { FormMessage, SubmitButton } from "./form";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  danger?: boolean;
};

/** One button that posts a few hidden fields (archive, retire, restore) and shows the answer. */
export function ToggleActionButton({ action, fields, label, danger = false }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={danger ? "btn-danger" : "btn-secondary"} pendingLabel="Saving…">
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
