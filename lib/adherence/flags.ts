/*
 * When a clinician should look at a patient. Two signals, chosen to be simple enough to
 * explain on screen: pain going up, and silence.
 */

import { PAIN_RISE, QUIET_DAYS } from "@/lib/domain/adherence";

export type SessionPoint = { completedAt: Date; pain: number | null };

export type Attention = { painRising: boolean; quiet: boolean; reasons: string[] };

/** Pain rose by 2 or more across the last three sessions that recorded pain (oldest to newest). */
export function painRising(sessions: SessionPoint[]): boolean {
  const withPain = sessions
    .filter((s): s is SessionPoint & { pain: number } => s.pain !== null)
    .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())
    .slice(-3);
  if (withPain.length < 2) return false;
  return withPain[withPain.length - 1]!.pain - withPain[0]!.pain >= PAIN_RISE;
}

/**
 * Nothing logged for 7 days while a programme is running. The clock starts at the last
 * session, or at the programme's start (never before the link was given).
 */
export function isQuiet(input: { lastSessionAt: Date | null; activeSince: Date | null; now: Date }): boolean {
  const from = input.lastSessionAt ?? input.activeSince;
  if (!from) return false;
  return input.now.getTime() - from.getTime() >= QUIET_DAYS * 86_400_000;
}

export function attention(input: { sessions: SessionPoint[]; lastSessionAt: Date | null; activeSince: Date | null; now: Date }): Attention {
  const rising = painRising(input.sessions);
  const quiet = isQuiet(input);
  const reasons: string[] = [];
  if (rising) reasons.push("Pain rising");
  if (quiet) reasons.push(input.lastSessionAt ? `Nothing logged for ${QUIET_DAYS}+ days` : "No sessions yet");
  return { painRising: rising, quiet, reasons };
}

/**
 * The flags for one row of the patient list. The quiet clock starts once the patient
 * had a live link and the programme had begun, whichever is later.
 */
export function attentionForPatient(
  row: {
    recent: { at: string; pain: number | null }[];
    lastSessionAt: Date | null;
    linkState: string | null;
    linkCreatedAt: Date | null;
    startDate: string | null;
  },
  now: Date,
): Attention {
  const sessions = row.recent.map((r) => ({ completedAt: new Date(r.at), pain: r.pain }));
  // Silence only counts while a programme is running: a stopped or expired link ends care.
  if (row.linkState !== "active" || !row.linkCreatedAt) return attention({ sessions, lastSessionAt: null, activeSince: null, now });
  const start = row.startDate ? new Date(`${row.startDate}T00:00:00Z`) : null;
  const activeSince = start && start > row.linkCreatedAt ? start : row.linkCreatedAt;
  const last = row.lastSessionAt && row.lastSessionAt > activeSince ? row.lastSessionAt : null;
  return attention({ sessions, lastSessionAt: last, activeSince, now });
}
