"use client";

import { useActionState } from "react";
import { retireExerciseAction } from "@/app/(portal)/catalogue/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";

export function RetireExerciseButton({ id, retired }: { id: string; retired: boolean }) {
  const [state, action] = useActionState(retireExerciseAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="retired" value={retired ? "false" : "true"} />
      <SubmitButton className={retired ? "btn-secondary" : "btn-danger"} pendingLabel="Saving…">
        {retired ? "Restore" : "Retire"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
