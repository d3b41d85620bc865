"use client";

import { useMemo } from "react";
import { useQueue } from "@/components/patient/player/use-queue";
import { browserAnswerQueue } from "@/lib/player/log-queue";

/** Sends answers saved while offline as soon as the page loads or the connection returns, and says so. */
export function PendingAnswers({ programmeId }: { programmeId: string }) {
  const queue = useMemo(() => (typeof window === "undefined" ? null : browserAnswerQueue()), []);
  const raw = useQueue(queue, (entries) => entries.map((e) => [e.key, e.status, e.payload?.programmeId]));
  const entries = useMemo(() => (JSON.parse(raw) as [string, string, string][]).filter(([, , p]) => p === programmeId), [raw, programmeId]);
  const waiting = entries.filter(([, status]) => status === "pending").length;
  const refused = entries.filter(([, status]) => status === "rejected");
  if (waiting === 0 && refused.length === 0) return <div aria-live="polite" className="empty:hidden" />;
  return (
    <div aria-live="polite" className="grid gap-2 print:hidden">
      {waiting > 0 ? (
        <p className="rounded-lg bg-warn-soft px-4 py-3 text-warn">
          Your answers are saved on this phone and will be sent when you are back online.
        </p>
      ) : null}
      {refused.map(([key]) => (
        <div key={key} className="grid gap-2 rounded-lg bg-danger-soft px-4 py-3 text-danger">
          <p>Some answers could not be sent. Please tell your clinic.</p>
          <button type="button" className="btn-secondary justify-self-start" onClick={() => queue?.discard(key)}>
            Remove
          </button>
        </div>
      ))}
    </div>
  );
}
