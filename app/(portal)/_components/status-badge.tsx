const TONES = {
  ok: "bg-ok-soft text-ok ring-ok/20",
  warn: "bg-warn-soft text-warn ring-warn/20",
  danger: "bg-danger-soft text-danger ring-danger/20",
  neutral: "bg-canvas text-muted ring-line",
  brand: "bg-brand-50 text-brand-800 ring-brand-200",
} as const;

export type Tone = keyof typeof TONES;

export function StatusBadge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-bold ring-1 ring-inset ${TONES[tone]}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {children}
    </span>
  );
}

/** How an outbox email's status reads to a clinician, with a tone for the badge. */
export function emailStatusWords(status: "queued" | "sending" | "sent" | "failed", attempts: number): { label: string; tone: Tone } {
  if (status === "sent") return { label: "Sent", tone: "ok" };
  if (status === "failed") return { label: "Not delivered", tone: "danger" };
  if (status === "sending") return { label: "Sending", tone: "brand" };
  return attempts > 0 ? { label: "Retrying", tone: "warn" } : { label: "Queued", tone: "neutral" };
}
