import { MessageThread } from "@/components/patient/message-thread";
import type { DatabaseOrTransaction } from "@/db/client";
import { listThread } from "@/db/queries/messages";
import { ReplyForm } from "./reply-form";

/**
 * The thread of each of the patient's programmes that has one: the clinic's replies and
 * the patient's messages from their page. A reply goes from here, or from a session's
 * comment under Sessions; the box is open while the patient is waiting for an answer.
 */
export async function MessagesSection({
  db,
  clinicId,
  programmes,
  timeZone,
}: {
  db: DatabaseOrTransaction;
  clinicId: string;
  programmes: { id: string; title: string }[];
  timeZone: string;
}) {
  const threads = (
    await Promise.all(programmes.map(async (p) => ({ ...p, messages: await listThread(db, { clinicId, programmeId: p.id }) })))
  ).filter((t) => t.messages.length > 0);
  if (threads.length === 0) return null;
  return (
    <section id="messages" aria-labelledby="messages-heading" className="card scroll-mt-4 p-5">
      <h2 id="messages-heading" className="text-xl font-bold">
        Messages
      </h2>
      {threads.map((t) => (
        <div key={t.id} className="mt-4">
          {threads.length > 1 ? <h3 className="mb-2 font-bold">{t.title}</h3> : null}
          <MessageThread messages={t.messages} timeZone={timeZone} you="clinician" />
          <ReplyForm
            target={{ programmeId: t.id }}
            requestId={crypto.randomUUID()}
            summary={t.messages.at(-1)?.author === "patient" ? "Answer the patient" : "Write to the patient"}
            open={t.messages.at(-1)?.author === "patient"}
          />
        </div>
      ))}
      <p className="mt-3 text-sm text-muted">The newest twenty messages are shown.</p>
    </section>
  );
}
