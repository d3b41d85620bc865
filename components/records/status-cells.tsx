import type { PatientStatusRow } from "@/db/queries/patient-status";
import type { Attention } from "@/lib/adherence/flags";

export function LinkCell({ row }: { row: Pick<PatientStatusRow, "programmeId" | "linkState"> }) {
  if (!row.programmeId) return <span className="text-muted">No programme</span>;
  if (row.linkState === "active") return <span className="font-bold text-ok">Link active</span>;
  if (row.linkState === "revoked") return <span className="text-muted">Link revoked</span>;
  if (row.linkState === "expired") return <span className="text-warn">Link expired</span>;
  return <span className="text-muted">Not sent</span>;
}

/** The last few pain scores as a tiny line, with the numbers for screen readers. */
export function PainTrend({ recent }: { recent: { pain: number | null }[] }) {
  const points = recent.map((r) => r.pain).filter((p): p is number => p !== null);
  if (points.length === 0) return <span className="text-muted">—</span>;
  const w = 64;
  const h = 20;
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(h - (p / 10) * h).toFixed(1)}`).join(" ");
  return (
    <span className="trend">
      <svg aria-hidden="true" viewBox={`-2 -2 ${w + 4} ${h + 4}`}>
        <path d={path} />
        {points.length === 1 ? <circle cx="0" cy={h - (points[0]! / 10) * h} r="2.5" /> : null}
      </svg>
      <span>
        <span className="sr-only">Pain over the last sessions: {points.join(", ")}; latest </span>
        {points[points.length - 1]}/10
      </span>
    </span>
  );
}

export function AttentionCell({ attention }: { attention: Pick<Attention, "reasons"> }) {
  if (attention.reasons.length === 0) return <span className="text-muted">—</span>;
  return (
    <span className="flags">
      {attention.reasons.map((r) => (
        <span key={r} className={r === "Pain rising" ? "flag-danger" : "flag-warn"}>
          {r}
        </span>
      ))}
    </span>
  );
}
