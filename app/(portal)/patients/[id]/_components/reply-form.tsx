"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import { replyToSessionAction, replyToThreadAction } from "@/app/(portal)/patients/reply-actions";
import { MESSAGE_MAX } from "@/lib/domain/messages";

type Target = { sessionLogId: string } | { programmeId: string };

/**
 * Answer a session's comment, or the programme's thread. Submitted by hand, not through
 * <form action>, so a refused send keeps what was typed (the words are never echoed back
 * by the server); a sent one clears the box. Collapsed behind a summary so a long
 * history stays readable, unless the patient is waiting for an answer.
 */
export function ReplyForm({ target, requestId, summary, open }: { target: Target; requestId: string; summary: string; open?: boolean }) {
  const [state, send] = useActionState("sessionLogId" in target ? replyToSessionAction : replyToThreadAction, {});
  const [pending, start] = useTransition();
  // Opened once, it stays open: the refresh after a send must not fold away its confirmation.
  const [isOpen, setOpen] = useState(Boolean(open));
  const box = useRef<HTMLTextAreaElement>(null);
  const [field, value] = "sessionLogId" in target ? ["sessionLogId", target.sessionLogId] : ["programmeId", target.programmeId];
  const id = `reply-${value}`;
  return (
    <details className="mt-2" open={isOpen} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="link cursor-pointer text-sm font-bold">{summary}</summary>
      <form
        className="mt-2 grid gap-2"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          start(async () => {
            send(data);
          });
        }}
      >
        <input type="hidden" name={field} value={value} />
        <input type="hidden" name="requestId" value={state.values?.requestId ?? requestId} />
        <label htmlFor={id} className="sr-only">
          {"sessionLogId" in target ? "Your reply" : "Your message to the patient"}
        </label>
        <textarea
          ref={box}
          id={id}
          name="body"
          rows={3}
          maxLength={MESSAGE_MAX}
          className="input"
          placeholder="Plain words; the patient reads this on their page."
          key={state.ok ? state.values?.requestId : "draft"}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? "Sending…" : "Send reply"}
          </button>
          {state.message ? (
            <p role="status" className={`text-sm ${state.ok ? "text-ok" : "font-bold text-danger"}`}>
              {state.errors?.body?.[0] ?? state.message}
            </p>
          ) : null}
        </div>
      </form>
    </details>
  );
}
