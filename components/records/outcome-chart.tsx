import { formatDate } from "@/lib/dates";
import type { ChartModel } from "@/lib/outcomes/chart";

/*
 * The clinician's "what helped" chart, drawn on the server as SVG (no chart library in
 * the bundle): outcome scores with their MCID band, weekly adherence and session pain
 * on one time axis, a marker at each programme version. The version markers are HTML
 * laid over the drawing so their "what changed" shows on hover and on keyboard focus;
 * the same numbers are in a table below for screen readers and small screens.
 */

const W = 720;
const ML = 44;
const MR = 16;
/** Room above the first panel for the version buttons. */
const TOP = 40;
const GAP = 30;
const OUTCOME_H = 110;
const ADHERENCE_H = 64;
const PAIN_H = 80;
const AXIS_H = 22;
const INK = "#1f2a28";
const MUTED = "#4f5d5a";
const GRID = "#d9e0de";
const BRAND = "#0f6d64";
const BAND = "#d4ece7";
const BAR = "#6fa9a0";
const PAIN = "#9a4a0b";

const day = (d: Date) => formatDate(d, { day: "numeric", month: "short" });
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function OutcomeChart({ model, id }: { model: ChartModel; id: string }) {
  // At least two weeks wide, so a new programme's first days do not pile up at one edge.
  const span = Math.max(model.to.getTime() - model.from.getTime(), 14 * 86_400_000);
  const x = (at: Date) => ML + ((at.getTime() - model.from.getTime()) / span) * (W - ML - MR);
  // Panels stacked top to bottom: each measure, then adherence, then pain.
  const heights = [...model.outcomes.map(() => OUTCOME_H), ADHERENCE_H, PAIN_H];
  const tops = heights.map((_, i) => TOP + 14 + heights.slice(0, i).reduce((n, h) => n + 14 + h + GAP, 0));
  const outcomePanels = model.outcomes.map((o, i) => ({ o, p: { top: tops[i]!, h: OUTCOME_H } }));
  const adherence = { top: tops[model.outcomes.length]!, h: ADHERENCE_H };
  const pain = { top: tops[model.outcomes.length + 1]!, h: PAIN_H };
  const y0 = pain.top + PAIN_H + GAP;
  const H = y0 - GAP + AXIS_H;
  const ticks = Array.from({ length: 5 }, (_, i) => new Date(model.from.getTime() + (span * i) / 4));
  const summary = describe(model);
  // Versions saved close together keep their own line but move their buttons apart, so each can be reached.
  const buttonPlaces = model.versions.reduce<number[]>(
    (places, v) => [...places, Math.max((x(v.at) / W) * 100, (places.at(-1) ?? -10) + 5)],
    [],
  );

  return (
    <figure className="grid gap-3">
      <div className="overflow-x-auto">
        <div className="relative min-w-[40rem]">
          <svg viewBox={`0 0 ${W} ${H}`} className="block w-full" role="img" aria-label={summary} data-testid="outcome-chart-svg">
            {outcomePanels.map(({ o, p }) => {
              const y = (v: number) => p.top + ((o.axis.max - v) / (o.axis.max - o.axis.min || 1)) * p.h;
              return (
                <g key={o.measure.key} data-measure={o.measure.key}>
                  <text x={ML} y={p.top - 6} fontSize="13" fontWeight="bold" fill={INK}>
                    {o.measure.title} ({o.measure.higherIsBetter ? "higher is better" : "lower is better"})
                  </text>
                  {o.band ? (
                    <g data-testid="mcid-band">
                      <rect
                        x={ML}
                        width={W - ML - MR}
                        y={y(o.band.high)}
                        height={Math.max(1, y(o.band.low) - y(o.band.high))}
                        fill={BAND}
                      />
                      <text x={W - MR - 4} y={y(o.band.high) + 11} fontSize="11" textAnchor="end" fill={MUTED}>
                        MCID band around the first score
                      </text>
                    </g>
                  ) : null}
                  {[o.axis.min, (o.axis.min + o.axis.max) / 2, o.axis.max].map((g) => (
                    <g key={g}>
                      <line x1={ML} x2={W - MR} y1={y(g)} y2={y(g)} stroke={GRID} />
                      <text x={ML - 6} y={y(g) + 4} fontSize="12" textAnchor="end" fill={MUTED}>
                        {num(g)}
                      </text>
                    </g>
                  ))}
                  {o.points.length > 1 ? (
                    <polyline
                      fill="none"
                      stroke={BRAND}
                      strokeWidth="2.5"
                      points={o.points.map((pt) => `${x(pt.at)},${y(pt.score)}`).join(" ")}
                    />
                  ) : null}
                  {o.points.map((pt) => (
                    <g key={pt.at.toISOString()}>
                      <circle cx={x(pt.at)} cy={y(pt.score)} r="4.5" fill={BRAND} data-testid="outcome-point" />
                      <text x={x(pt.at)} y={y(pt.score) - 8} fontSize="12" fontWeight="bold" textAnchor="middle" fill={BRAND}>
                        {num(pt.score)}
                      </text>
                    </g>
                  ))}
                </g>
              );
            })}
            <g>
              <text x={ML} y={adherence.top - 6} fontSize="13" fontWeight="bold" fill={INK}>
                Weekly adherence (sessions done / planned)
              </text>
              {[0, 1].map((g) => (
                <g key={g}>
                  <line
                    x1={ML}
                    x2={W - MR}
                    y1={adherence.top + (1 - g) * adherence.h}
                    y2={adherence.top + (1 - g) * adherence.h}
                    stroke={GRID}
                  />
                  <text x={ML - 6} y={adherence.top + (1 - g) * adherence.h + 4} fontSize="12" textAnchor="end" fill={MUTED}>
                    {g * 100}%
                  </text>
                </g>
              ))}
              {model.weeks.map((w) => {
                if (w.planned === 0) return null;
                const share = Math.min(1, w.done / w.planned);
                const left = Math.max(ML, x(w.start));
                const right = Math.min(W - MR, x(new Date(w.start.getTime() + 7 * 86_400_000)));
                return (
                  <rect
                    key={w.start.toISOString()}
                    x={left + 1}
                    width={Math.max(1, right - left - 2)}
                    y={adherence.top + (1 - share) * adherence.h}
                    height={share * adherence.h}
                    fill={BAR}
                  />
                );
              })}
            </g>
            <g>
              <text x={ML} y={pain.top - 6} fontSize="13" fontWeight="bold" fill={INK}>
                Pain after sessions (0–10)
              </text>
              {[0, 5, 10].map((g) => (
                <g key={g}>
                  <line
                    x1={ML}
                    x2={W - MR}
                    y1={pain.top + ((10 - g) / 10) * pain.h}
                    y2={pain.top + ((10 - g) / 10) * pain.h}
                    stroke={GRID}
                    strokeDasharray={g === 5 ? "3 3" : undefined}
                  />
                  <text x={ML - 6} y={pain.top + ((10 - g) / 10) * pain.h + 4} fontSize="12" textAnchor="end" fill={MUTED}>
                    {g}
                  </text>
                </g>
              ))}
              {model.pain.map((s) => (
                <circle key={s.at.toISOString()} cx={x(s.at)} cy={pain.top + ((10 - s.pain) / 10) * pain.h} r="3" fill={PAIN} />
              ))}
            </g>
            {model.versions.map((v) => (
              <line
                key={v.version}
                x1={x(v.at)}
                x2={x(v.at)}
                y1={TOP - 4}
                y2={H - AXIS_H}
                stroke={INK}
                strokeDasharray="4 3"
                strokeWidth="1"
                data-testid="version-marker"
              />
            ))}
            {ticks.map((t, i) => (
              <text
                key={t.toISOString()}
                x={x(t)}
                y={H - 6}
                fontSize="12"
                textAnchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
                fill={MUTED}
              >
                {day(t)}
              </text>
            ))}
          </svg>
          {model.versions.map((v, i) => {
            const pct = buttonPlaces[i]!;
            const tip = `${id}-v${v.version}`;
            return (
              <div key={v.version} className="group absolute top-0 -translate-x-1/2" style={{ left: `${pct}%` }}>
                <button
                  type="button"
                  aria-describedby={tip}
                  className="rounded bg-ink px-1.5 text-xs font-bold leading-5 text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                >
                  v{v.version}
                </button>
                <div
                  role="tooltip"
                  id={tip}
                  className={`invisible absolute top-6 z-10 w-64 rounded-lg border border-line bg-surface p-3 text-sm shadow-lg group-focus-within:visible group-hover:visible ${pct > 55 ? "right-0" : "left-0"}`}
                >
                  <p className="font-bold">
                    Version {v.version} · {day(v.at)}
                  </p>
                  <ul className="mt-1 list-disc pl-4">
                    {(v.summary.length ? v.summary : ["No change listed"]).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <figcaption className="text-xs text-muted">
        {day(model.from)} to {day(model.to)}. Shaded: the MCID around the first score (a score outside it changed by a clinically important
        amount). Dashed lines: programme versions; hover or focus a version for what changed.
      </figcaption>
      <ChartTable model={model} />
    </figure>
  );
}

/** One sentence for the drawing's accessible name; the table holds the detail. */
function describe(model: ChartModel): string {
  const parts = model.outcomes.map((o) => {
    const first = o.points[0];
    const last = o.points.at(-1);
    return first && last
      ? `${o.measure.title} from ${num(first.score)} to ${num(last.score)}`
      : `${o.measure.title}: no score in this period`;
  });
  return `Outcomes chart, ${day(model.from)} to ${day(model.to)}: ${parts.length ? parts.join("; ") : "no outcome scores yet"}; ${model.versions.length} programme ${model.versions.length === 1 ? "version" : "versions"}. The data is in the table below.`;
}

function ChartTable({ model }: { model: ChartModel }) {
  type Row = { at: Date; what: string; value: string };
  const rows: Row[] = [
    ...model.outcomes.flatMap((o) =>
      o.points.map((p) => ({
        at: p.at,
        what: o.measure.title,
        value: `${num(p.score)}${o.band ? (p.score > o.band.high || p.score < o.band.low ? " (outside the MCID band)" : " (within the MCID band)") : ""}`,
      })),
    ),
    ...model.weeks
      .filter((w) => w.planned > 0)
      .map((w) => ({ at: w.start, what: "Adherence, week from", value: `${w.done} of ${w.planned} sessions` })),
    ...model.pain.map((s) => ({ at: s.at, what: "Session pain", value: `${s.pain}/10` })),
    ...model.versions.map((v) => ({ at: v.at, what: `Version ${v.version}`, value: v.summary.join("; ") || "No change listed" })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-bold text-brand-700">The chart as a table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left" data-testid="outcome-table">
          <caption className="sr-only">Outcome scores, adherence, pain and programme versions by date</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-3">
                Date
              </th>
              <th scope="col" className="py-1 pr-3">
                What
              </th>
              <th scope="col" className="py-1">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="border-b border-line/60 align-top">
                <td className="whitespace-nowrap py-1 pr-3">{day(r.at)}</td>
                <td className="py-1 pr-3">{r.what}</td>
                <td className="py-1">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
