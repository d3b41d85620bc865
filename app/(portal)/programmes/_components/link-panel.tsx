"use client";

import { useActionState, useState } from "react";
import { issueLinkAction, revokeLinkAction } from "@/app/(portal)/programmes/link-actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";

export type LinkInfo = {
  status: "active" | "revoked" | "expired" | "none";
  url: string | null;
  expiresOn: string | null;
  /** The short address printed on the handout, when it carries one. */
  shortAddress: string | null;
};

/** The patient's link: see it, copy it, stop it, or issue a fresh one. */
export function LinkPanel({ programmeId, link, children }: { programmeId: string; link: LinkInfo; children?: React.ReactNode }) {
  const [issueState, issue] = useActionState(issueLinkAction, {});
  const [revokeState, revoke] = useActionState(revokeLinkAction, {});
  const [copied, setCopied] = useState(false);
  // Only the answer to the last button pressed is shown.
  const [last, setLast] = useState<"issue" | "revoke">("issue");
  const live = link.status === "active" && link.url;

  return (
    <section className="card space-y-4 p-5" aria-labelledby="link-heading">
      <div className="flex items-center justify-between gap-3">
        <h2 id="link-heading" className="text-lg font-bold">
          Patient link
        </h2>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-bold ${live ? "bg-ok-soft text-ok" : "bg-canvas text-muted"}`}
          data-testid="link-status"
        >
          {live ? "Active" : link.status === "none" ? "Not issued" : link.status === "revoked" ? "Stopped" : "Expired"}
        </span>
      </div>
      {live ? (
        <>
          <div>
            <label htmlFor="patient-link" className="label">
              Follow-along page
            </label>
            <div className="flex gap-2">
              <input
                id="patient-link"
                readOnly
                value={link.url!}
                className="input font-mono text-sm"
                onFocus={(e) => e.currentTarget.select()}
                data-testid="patient-link"
              />
              <button
                type="button"
                className="btn-secondary shrink-0"
                onClick={async () => {
                  await navigator.clipboard?.writeText(link.url!).catch(() => {});
                  setCopied(true);
                  setTimeout(() => setCopied(false), 2500);
                }}
              >
                {copied ? "Copied" : "Copy"}
              </button>
            </div>
            <p className="mt-1 text-sm text-muted">Works until {link.expiresOn}. It always shows the newest version.</p>
          </div>
          <a href={`/programmes/${programmeId}/handout.pdf`} className="btn-secondary w-full" download>
            Download the printable handout (PDF)
          </a>
          <p className="-mt-2 text-sm text-muted" data-testid="short-address">
            {link.shortAddress ? (
              <>
                The handout also prints <span className="whitespace-nowrap font-mono font-bold text-ink">{link.shortAddress}</span> to type
                in: it asks for the patient&apos;s year of birth.
              </>
            ) : (
              "The handout prints a short address to type only for a patient whose date of birth is recorded, on a link created since short addresses began."
            )}
          </p>
        </>
      ) : (
        <p className="text-sm text-muted">
          {link.status === "none"
            ? "Create a link, or email one straight away, to give the patient their follow-along page."
            : "The last link no longer works. Create a new one to share the programme again."}
        </p>
      )}
      {children}
      <div className="flex flex-wrap gap-2 border-t border-line pt-4">
        <form action={issue} onSubmit={() => setLast("issue")}>
          <input type="hidden" name="programmeId" value={programmeId} />
          <SubmitButton className={live ? "btn-secondary" : "btn-primary"} pendingLabel="Creating…">
            {live ? "Replace with a new link" : "Create link"}
          </SubmitButton>
        </form>
        {live ? (
          <form action={revoke} onSubmit={() => setLast("revoke")}>
            <input type="hidden" name="programmeId" value={programmeId} />
            <SubmitButton className="btn-danger" pendingLabel="Stopping…">
              Stop this link
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <FormMessage state={last === "issue" ? issueState : revokeState} />
    </section>
  );
}
