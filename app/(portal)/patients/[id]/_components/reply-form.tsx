"use client";

import { useActionState, useRef, useTransition } from "react";
import { replyToSessionAction } from "@/app/(portal)/patients/reply-actions";
import { MESSAGE_MAX } from "@/lib/domain/messages";

/**
 * Answer a session's comment. Submitted by hand, not through <form action>, so a refused
 * send keeps what was typed (the words are never echoed back by the server); a sent one
 * clears the box. Collapsed behind a summary so a long history stays readable.
 */
export function ReplyForm({ sessionLogId, requestId }: { sessionLogId: string; requestId: string }) {
  const [state, send] = useActionState(replyToSessionAction, {});
  const [pending, start] = useTransition();
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `reply-${sessionLogId}`;
  return (
    <details className="mt-2">
      <summary className="link cursor-pointer text-sm font-bold">Reply to this comment</summary>
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
        <input type="hidden" name="sessionLogId" value={sessionLogId} />
        <input type="hidden" name="requestId" value={state.values?.requestId ?? requestId} />
        <label htmlFor={id} className="sr-only">
          Your reply
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
