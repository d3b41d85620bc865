import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { listProgrammeSessions, listResponses, listVersionPlans } from "@/db/queries/outcomes";
import { getMeasure } from "./measures";
import { getProgrammeVersion, toDiffVersion } from "@/db/queries/programmes";
import { describeChanges, diffVersions } from "@/lib/programme/diff";
import { buildChart, CHART_WEEKS, type ChartMeasure, type ChartModel } from "./chart";
import { scoreRange } from "./measure";

/** Version markers carry their "what changed" summary; more than this many in the window keep only the newest. */
const MAX_MARKERS = 12;

/** Everything the clinician's outcome chart of one programme shows. */
export async function loadOutcomeChart(
  db: DatabaseOrTransaction,
  key: { clinicId: string; patientId: string; programmeId: string },
  now = new Date(),
): Promise<ChartModel | null> {
  const plans = await listVersionPlans(db, key);
  if (plans.length === 0) return null;
  const since = new Date(Math.max(plans[0]!.at.getTime(), now.getTime() - CHART_WEEKS * 7 * 86_400_000));
  const [sessions, responses] = await Promise.all([listProgrammeSessions(db, { ...key, since }), listResponses(db, key)]);
  const shown = plans.filter((p) => p.at.getTime() >= since.getTime()).slice(-MAX_MARKERS);
  const summaries = new Map(
    await Promise.all(
      shown.map(async (p): Promise<[number, string[]]> => {
        if (p.version === 1) return [1, ["First version"]];
        const [cur, prev] = await Promise.all([
          getProgrammeVersion(db, { id: key.programmeId, clinicId: key.clinicId, version: p.version }),
          getProgrammeVersion(db, { id: key.programmeId, clinicId: key.clinicId, version: p.version - 1 }),
        ]);
        if (!cur || !prev) return [p.version, []];
        const lines = describeChanges(diffVersions(toDiffVersion(prev), toDiffVersion(cur)));
        return [p.version, cur.version.changeNote ? [...lines, `Note: ${cur.version.changeNote}`] : lines];
      }),
    ),
  );
  const keys = [...new Set(responses.map((r) => r.measure))];
  const measures = (await Promise.all(keys.map((k) => getMeasure(db, { clinicId: key.clinicId, key: k })))).flatMap((m): ChartMeasure[] =>
    m
      ? [
          {
            key: m.key,
            title: m.shortTitle,
            mcid: m.mcid,
            mcidPercent: m.mcidPercent,
            higherIsBetter: m.higherIsBetter,
            range: scoreRange(m),
          },
        ]
      : [],
  );
  return buildChart({
    now,
    start: plans[0]!.at,
    versions: plans.map((p) => ({ ...p, summary: summaries.get(p.version) ?? [] })),
    sessions,
    responses: responses.map((r) => ({ measure: r.measure, at: r.answeredAt, score: r.score, version: r.version })),
    measures,
  });
}
