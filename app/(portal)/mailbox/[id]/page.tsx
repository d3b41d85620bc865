import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getEmail } from "@/db/queries/email";
import { requireOwner } from "@/lib/auth/dal";
import { openEmailBody } from "@/lib/email/outbox";
import { devMailboxEnabled, env } from "@/lib/env";
import { RowAction } from "../../_components/row-action";
import { formatDateTime } from "@/lib/dates";
import { clinicTimeZone } from "@/lib/time/clinic-zone";
import { emailStatusWords, StatusBadge } from "../../_components/status-badge";
import { retryEmailAction } from "../actions";

export const metadata: Metadata = { title: "Message", referrer: "no-referrer" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_IN_TEXT = /(https?:\/\/[^\s<>"']+)/g;

/** Only links to this Homeplan become clickable; any other address in a message stays text. */
function TextWithLinks({ text, origin }: { text: string; origin: string }) {
  return text.split(URL_IN_TEXT).map((part, i) =>
    i % 2 === 1 && part.startsWith(`${origin}/`) ? (
      <a key={i} href={part} className="link break-all">
        {part}
      </a>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}

function readable(email: { text: string; html: string }) {
  try {
    return openEmailBody(email);
  } catch {
    return { text: "This message was sealed with a different AUTH_SECRET and can no longer be shown.", html: "" };
  }
}

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxEnabled()) notFound();
  // Owners only: the mailbox shows invitation links, an owner invitation among them.
  const session = await requireOwner();
  const { id } = await params;
  const db = await getDb();
  const [email, timeZone] = await Promise.all([
    UUID.test(id) ? getEmail(db, { clinicId: session.clinicId, id }) : undefined,
    clinicTimeZone(db, session.clinicId),
  ]);
  if (!email) notFound();
  const status = emailStatusWords(email.status, email.attempts);
  const body = readable(email);
  const origin = new URL(env().APP_URL).origin;
  const facts: [string, React.ReactNode][] = [
    ["To", email.to],
    ["Queued", formatDateTime(email.createdAt, timeZone)],
    ...(email.sentAt ? [["Sent", formatDateTime(email.sentAt, timeZone)] as [string, React.ReactNode]] : []),
    ...(email.attempts > 0 ? [["Attempts", String(email.attempts)] as [string, React.ReactNode]] : []),
    ...(email.lastError && email.status !== "sent" ? [["Last error", email.lastError] as [string, React.ReactNode]] : []),
  ];

  return (
    <div className="max-w-3xl">
      <Link href="/mailbox" className="link text-sm">
        ← All messages
      </Link>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">{email.subject}</h1>
        <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
      </div>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold text-muted">{term}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {email.status === "failed" ? (
        <div className="mt-4">
          <RowAction action={retryEmailAction} id={email.id} label="Send again" pendingLabel="Sending…" className="btn-primary" />
        </div>
      ) : null}

      <section aria-labelledby="text-version" className="card mt-6 p-5 sm:p-6">
        <h2 id="text-version" className="mb-3 text-sm font-bold uppercase tracking-wider text-muted">
          Message
        </h2>
        <div className="whitespace-pre-wrap break-words text-ink" data-testid="message-text">
          <TextWithLinks text={body.text} origin={origin} />
        </div>
      </section>

      <details className="card mt-4 p-5 sm:p-6">
        <summary className="cursor-pointer font-bold text-brand-700">How it looks in an email app</summary>
        {/* Sandboxed: no scripts, no access to this page; links open in a new tab. */}
        <iframe
          title="The message as HTML"
          srcDoc={body.html.replace("<head>", '<head><base target="_blank">')}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="mt-4 h-[36rem] w-full rounded-lg border border-line bg-canvas"
        />
      </details>
    </div>
  );
}
