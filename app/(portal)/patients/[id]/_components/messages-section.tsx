import { MessageThread } from "@/components/patients/message-thread";
import type { DatabaseOrTransaction } from "@/db/client";
import { listThread } from "@/db/queries/messages";

/**
 * The thread of each of the patient's programmes that has one: the clinic's replies and
 * the patient's answers from their page. Replies start from a session's comment.
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
    <section aria-labelledby="messages-heading" className="card p-5">
      <h2 id="messages-heading" className="text-xl font-bold">
        Messages
      </h2>
      {threads.map((t) => (
        <div key={t.id} className="mt-4">
          {threads.length > 1 ? <h3 className="mb-2 font-bold">{t.title}</h3> : null}
          <MessageThread messages={t.messages} timeZone={timeZone} you="clinician" />
        </div>
      ))}
      <p className="mt-3 text-sm text-muted">
        To answer, reply to a session&apos;s comment under Sessions. The newest twenty messages are shown.
      </p>
    </section>
  );
}
