/*
 * What a patient link is and what it may add. The link is a capability to see one
 * programme and to log sessions (and answer its questions) for it, so a log must look
 * like one the player made for the version it names, and the volume stays within what a
 * person could do. The queries that write through a link apply these values.
 */

/** How long a link lives from the day it is issued. */
export const LINK_DAYS = 180;

/** Phone clocks drift; a log a few minutes "early" or "late" is still genuine. */
const CLOCK_DRIFT_MS = 5 * 60_000;

export const LOG_QUOTAS = {
  /** Per calendar day (UTC) of completion: a programme may ask for 6 a day; twice that is headroom for time zones. */
  perDay: 12,
  /** Per programme version, ever. */
  perVersion: 200,
  /** Receipts per link per hour: a week's offline backlog (7–14 logs) and its resends fit. */
  burst: { max: 30, windowSeconds: 60 * 60 },
} as const;

/** When a day's or a version's quota is full, the phone keeps the log and tries again this much later. */
export const QUOTA_RETRY_SECONDS = 60 * 60;

type LoggedItem = { position: number; exerciseId: string; setsDone: number; setsPlanned: number };
type VersionItem = { position: number; exerciseId: string; sets: number };

/**
 * True when every logged exercise is one of the version's items (same position and
 * exercise), its planned sets are the item's, no more are done than planned, and no
 * position is logged twice.
 */
export function matchesVersion(logged: LoggedItem[], items: VersionItem[]): boolean {
  const byPosition = new Map(items.map((i) => [i.position, i]));
  const seen = new Set<number>();
  return logged.every((e) => {
    const item = byPosition.get(e.position);
    if (!item || seen.has(e.position)) return false;
    seen.add(e.position);
    return item.exerciseId === e.exerciseId && item.sets === e.setsPlanned && e.setsDone <= e.setsPlanned;
  });
}

/** Completed while the link existed (it cannot have been used before it was issued) and not in the future. */
export function withinLinkLife(completedAt: Date, issuedAt: Date, now: Date): boolean {
  const t = completedAt.getTime();
  return t >= issuedAt.getTime() - CLOCK_DRIFT_MS && t <= now.getTime() + CLOCK_DRIFT_MS;
}
