"use client";

import { useMemo } from "react";
import { browserLogQueue, type QueuedLog } from "@/lib/player/log-queue";
import { useQueue } from "./use-queue";

const EMPTY: QueuedLog[] = [];

/**
 * On the follow-along page: sends sessions saved while offline as soon as the page
 * loads or the connection returns, and says so. Renders nothing when none are waiting.
 */
export function PendingLogs({ programmeId }: { programmeId: string }) {
  const queue = useMemo(() => (typeof window === "undefined" ? null : browserLogQueue()), []);
  const raw = useQueue(queue, (entries) => entries);
  const entries = useMemo(
    () => (raw === "[]" ? EMPTY : (JSON.parse(raw) as QueuedLog[]).filter((e) => e.payload?.programmeId === programmeId)),
    [raw, programmeId],
  );
  const waiting = entries.filter((e) => e.status === "pending").length;
  const refused = entries.filter((e) => e.status === "rejected");

  if (waiting === 0 && refused.length === 0) return <div aria-live="polite" className="empty:hidden" />;
  return (
    <div aria-live="polite" className="grid gap-2">
      {waiting > 0 ? (
        <p className="rounded-lg bg-warn-soft px-4 py-3 text-warn">
          {waiting === 1 ? "1 session is" : `${waiting} sessions are`} saved on this phone and will be sent when you are back online.
        </p>
      ) : null}
      {refused.map((e) => (
        <div key={e.key} className="grid gap-2 rounded-lg bg-danger-soft px-4 py-3 text-danger">
          <p>{e.message}</p>
          <button type="button" className="btn-secondary justify-self-start" onClick={() => queue?.discard(e.key)}>
            Remove
          </button>
        </div>
      ))}
    </div>
  );
}
