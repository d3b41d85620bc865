import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { findUsableInvitation } from "@/db/queries/invitations";
import { INVITATION_UNUSABLE } from "@/lib/auth/invitations";
import { hashToken } from "@/lib/crypto/token";
import { AcceptInvitationForm } from "./accept-form";

// The token is in the address: keep it out of Referer headers and search indexes.
export const metadata: Metadata = { title: "Join your clinic", referrer: "no-referrer", robots: { index: false, follow: false } };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Reads only: opening the link (or an email scanner prefetching it) spends nothing. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = TOKEN.test(token) ? await findUsableInvitation(await getDb(), hashToken(token)) : undefined;
  if (!invitation) {
    return (
      <div data-testid="invitation-unusable">
        <h1 className="text-2xl font-bold">This link can&apos;t be used</h1>
        <p className="mt-3 text-ink">{INVITATION_UNUSABLE}</p>
        <p className="mt-6 border-t border-line pt-4 text-sm text-muted">
          Already joined?{" "}
          <Link href="/sign-in" className="link">
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="text-sm font-bold uppercase tracking-wider text-brand-700">Invitation</p>
      <h1 className="mt-1 text-2xl font-bold">Join {invitation.clinicName}</h1>
      <p className="mt-1 text-muted">
        You have been invited as {invitation.role === "owner" ? "an owner" : "a clinician"}. Choose a password to finish setting up your
        account.
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} name={invitation.name} />
    </>
  );
}
