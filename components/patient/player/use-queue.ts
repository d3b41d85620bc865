import { useEffect, useSyncExternalStore } from "react";
import type { LogQueue, Queueable, QueuedLog } from "@/lib/player/log-queue";

/**
 * A queue's entries as a string that changes when they do (in this tab or another),
 * and the queue connected: what it holds is sent on load and when the phone is back
 * online. `pick` keeps what the caller shows, so unrelated changes do not redraw it.
 */
export function useQueue<P extends Queueable>(queue: LogQueue<P> | null, pick: (entries: QueuedLog<P>[]) => unknown): string {
  const raw = useSyncExternalStore(
    (onChange) => {
      if (!queue) return () => {};
      const stop = queue.subscribe(onChange);
      window.addEventListener("storage", onChange);
      return () => {
        stop();
        window.removeEventListener("storage", onChange);
      };
    },
    () => (queue ? JSON.stringify(pick(queue.entries())) : "[]"),
    () => "[]",
  );
  useEffect(() => queue?.connect(window), [queue]);
  return raw;
}
