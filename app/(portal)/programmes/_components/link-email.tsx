"use client";

import { useActionState } from "react";
import { retryEmailAction } from "@/app/(portal)/mailbox/actions";
import { sendLinkEmailAction } from "@/app/(portal)/programmes/link-actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";

export type EmailStatus = { id: string; status: "queued" | "sending" | "sent" | "failed"; at: string; lastError: string | null } | null;

const WORDS = { queued: "Waiting to send", sending: "Sending", sent: "Sent", failed: "Not delivered" } as const;

/** Email the link to the patient, with the last email's delivery status and a retry. */
export function LinkEmail({
  programmeId,
  patientEmail,
  requestId,
  last,
}: {
  programmeId: string;
  patientEmail: string;
  requestId: string;
  last: EmailStatus;
}) {
  const [state, send] = useActionState(sendLinkEmailAction, {});
  const [retryState, retry] = useActionState(retryEmailAction, {});
  return (
    <div className="space-y-3">
      {last ? (
        <p className="text-sm" data-testid="email-status">
          Last email:{" "}
          <span className={`font-bold ${last.status === "failed" ? "text-danger" : last.status === "sent" ? "text-ok" : "text-warn"}`}>
            {WORDS[last.status]}
          </span>
          <span className="text-muted"> · {last.at}</span>
        </p>
      ) : null}
      <form action={send}>
        <input type="hidden" name="programmeId" value={programmeId} />
        <input type="hidden" name="requestId" value={state.values?.requestId ?? requestId} />
        <SubmitButton className="btn-primary w-full" pendingLabel="Sending…">
          Email the link to {patientEmail}
        </SubmitButton>
      </form>
      {last?.status === "failed" ? (
        <form action={retry}>
          <input type="hidden" name="id" value={last.id} />
          <SubmitButton className="btn-secondary w-full" pendingLabel="Trying again…">
            Try sending again
          </SubmitButton>
        </form>
      ) : null}
      <FormMessage state={state.message ? state : retryState} />
    </div>
  );
}
