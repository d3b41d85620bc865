"use client";

import { useEffect, useState } from "react";
import { Logo } from "@/components/ui/logo";
import { DB_UNAVAILABLE_DIGEST, ERRORS } from "@/lib/errors";

/**
 * What a person sees when a page fails. In production Next hides the server's message,
 * so a database that is away is recognised by the digest it was marked with, or else
 * by asking /api/health (503 while the database cannot be reached): then the calm
 * "try again in a moment" words, not the generic failure.
 */
export function TroublePage({ error, retry }: { error: unknown; retry: () => void }) {
  const marked = error instanceof Error && (error as { digest?: string }).digest === DB_UNAVAILABLE_DIGEST;
  const [databaseAway, setDatabaseAway] = useState<boolean | null>(marked ? true : null);

  useEffect(() => {
    if (marked) return;
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => live && setDatabaseAway(r.status === 503))
      .catch(() => live && setDatabaseAway(false));
    return () => {
      live = false;
    };
  }, [marked, error]);

  const heading = databaseAway ? "We're having trouble reaching the database" : "Something went wrong";
  const message = databaseAway ? "Try again in a moment." : ERRORS.internal.message;
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-5 py-12">
      <Logo />
      {/* Nothing is claimed until we know which failure it was. */}
      <div aria-live="polite" className={databaseAway === null ? "invisible" : undefined}>
        <h1 className="mt-8 text-3xl font-bold">{heading}</h1>
        <p className="mt-3 text-muted">{message}</p>
      </div>
      <p className="mt-6">
        <button type="button" className="btn-primary" onClick={() => retry()}>
          Try again
        </button>
      </p>
    </main>
  );
}
