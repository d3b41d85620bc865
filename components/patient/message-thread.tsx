import type { ThreadMessage } from "@/db/queries/messages";
import { formatDate } from "@/lib/dates";

/**
 * A programme's messages, oldest first. Plain text only: React escapes it and line breaks
 * are kept by CSS, so nothing a patient or clinician types can become markup or a link.
 */
export function MessageThread({ messages, timeZone, you }: { messages: ThreadMessage[]; timeZone: string; you: "clinician" | "patient" }) {
  if (messages.length === 0) return null;
  const when = (d: Date) =>
    formatDate(d, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <ol className="grid gap-3" data-testid="message-thread">
      {messages.map((m) => {
        const mine = m.author === you;
        const who = m.author === "clinician" ? (m.clinicianName ?? "Your clinic") : you === "patient" ? "You" : "Patient";
        return (
          <li
            key={m.id}
            className={`max-w-[90%] rounded-xl p-3 ${mine ? "justify-self-end bg-brand-50" : "justify-self-start border border-line bg-surface"}`}
          >
            <p className="text-sm text-muted">
              <span className="font-bold text-ink">{who}</span> · {when(m.createdAt)}
              {m.sessionCompletedAt ? (
                <>
                  {" "}
                  · about the session on {formatDate(m.sessionCompletedAt, { timeZone, weekday: "long", day: "numeric", month: "short" })}
                </>
              ) : null}
            </p>
            <p className="mt-1 whitespace-pre-line break-words">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
