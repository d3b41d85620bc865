import { MessageThread } from "@/components/patient/message-thread";
import type { ThreadMessage } from "@/db/queries/messages";
import { MESSAGE_MAX } from "@/lib/domain/messages";

const NOTICES = {
  sent: { text: "Sent. Your physio will see it in the clinic.", tone: "text-ok" },
  invalid: { text: "Write a message first (plain text, up to 1,000 characters).", tone: "text-danger" },
  wait: { text: "That is a lot of messages today. Please try again tomorrow, or phone the clinic.", tone: "text-danger" },
} as const;

/**
 * The thread with the clinic, live on every visit (never in the drawn programme): the
 * patient may start it with a question, or answer the clinic. The form posts without
 * script, so it works under the page's CSP and on any phone.
 */
export function MessageBox(props: {
  messages: ThreadMessage[];
  action: string;
  requestId: string;
  timeZone: string;
  clinicianName: string;
  notice?: string;
}) {
  const notice = props.notice && props.notice in NOTICES ? NOTICES[props.notice as keyof typeof NOTICES] : null;
  return (
    <section id="messages" aria-labelledby="messages-heading" className="card grid scroll-mt-4 gap-4 p-5 sm:p-6 print:hidden">
      <h2 id="messages-heading" className="text-2xl font-bold">
        Messages
      </h2>
      {props.messages.length > 0 ? (
        <MessageThread messages={props.messages} timeZone={props.timeZone} you="patient" />
      ) : (
        <p className="text-lg">A question about your exercises? Your physio reads it in the clinic and answers here.</p>
      )}
      <form method="post" action={props.action} className="grid gap-2">
        <input type="hidden" name="requestId" value={props.requestId} />
        <label htmlFor="message-body" className="label">
          {props.messages.length > 0 ? `Write back to ${props.clinicianName}` : `Ask ${props.clinicianName}`}
        </label>
        <textarea id="message-body" name="body" rows={3} maxLength={MESSAGE_MAX} required className="input text-lg" />
        <p className="text-sm text-muted">For anything urgent, or if your pain is much worse, phone the clinic instead.</p>
        <button type="submit" className="btn-primary min-h-12 rounded-xl px-5 sm:justify-self-start">
          Send
        </button>
        {notice ? (
          <p role="status" className={`font-bold ${notice.tone}`}>
            {notice.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
