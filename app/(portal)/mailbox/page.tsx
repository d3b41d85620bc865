import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listEmailPage } from "@/db/queries/email";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireOwner } from "@/lib/auth/dal";
import { devMailboxEnabled, env } from "@/lib/env";
import { formatDateTime } from "@/lib/dates";
import { clinicTimeZone } from "@/lib/time/clinic-zone";
import { emailStatusWords, StatusBadge } from "../_components/status-badge";

export const metadata: Metadata = { title: "Mailbox" };

const KIND_WORDS: Record<string, string> = { invitation: "Invitation", patient_link: "Patient link" };

/** Every email this clinic has sent or queued, so the whole flow works without an SMTP server. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  if (!devMailboxEnabled()) notFound();
  // Owners only: the mailbox shows invitation links, an owner invitation among them.
  const session = await requireOwner();
  const { cursor } = await searchParams;
  const db = await getDb();
  const [page, timeZone] = await Promise.all([
    listEmailPage(db, { clinicId: session.clinicId, cursor: typeof cursor === "string" ? cursor : undefined }),
    clinicTimeZone(db, session.clinicId),
  ]);
  const emails = page.rows;
  const smtp = Boolean(env().SMTP_URL);
  return (
    <>
      <PageHeader title="Mailbox" description="Email your clinic has sent, newest first." />
      <div className="mb-6 flex gap-3 rounded-xl border border-brand-200 bg-brand-50 p-4 text-sm text-brand-800" role="note">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 fill-current">
          <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm0 4a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm1 8H9V9h2v5Z" />
        </svg>
        <p>
          {smtp ? (
            <>This server sends email over SMTP. The mailbox shows a copy of each message and whether it was delivered.</>
          ) : (
            <>
              <strong>Email is not set up on this server</strong>, so messages wait here instead of being sent. Open one to use its links,
              or set <code className="rounded bg-surface px-1">SMTP_URL</code> to send real email.
            </>
          )}
        </p>
      </div>
      {emails.length === 0 ? (
        <EmptyState title="No email yet">Invitations and patient links appear here as soon as they are sent.</EmptyState>
      ) : (
        <ul className="card divide-y divide-line" aria-label="Messages">
          {emails.map((email) => {
            const status = emailStatusWords(email.status, email.attempts);
            return (
              <li key={email.id}>
                <Link
                  href={`/mailbox/${email.id}`}
                  className="grid gap-1 p-4 hover:bg-canvas focus-visible:bg-canvas sm:grid-cols-[1fr_auto] sm:gap-x-6"
                  data-testid="mailbox-message"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-bold text-ink">{email.subject}</span>
                    <span className="block truncate text-sm text-muted">
                      To {email.to} · {KIND_WORDS[email.kind] ?? email.kind}
                    </span>
                  </span>
                  <span className="flex items-center gap-3 sm:flex-col sm:items-end sm:gap-1">
                    <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                    <span className="text-sm text-muted">
                      <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt, timeZone)}</time>
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={page} path="/mailbox" params={{}} noun="messages" />
    </>
  );
}
