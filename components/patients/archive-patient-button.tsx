"use client";

import { useActionState } from "react";
import { archivePatientAction } from "@/app/(portal)/patients/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";

export function ArchivePatientButton({ id, archived }: { id: string; archived: boolean }) {
  const [state, action] = useActionState(archivePatientAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <SubmitButton className={archived ? "btn-secondary" : "btn-danger"} pendingLabel="Saving…">
        {archived ? "Restore patient" : "Archive"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
