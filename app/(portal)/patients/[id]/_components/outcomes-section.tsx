import Link from "next/link";
import type { DatabaseOrTransaction } from "@/db/client";
import { OutcomeChart } from "@/components/records/outcome-chart";
import { loadOutcomeChart } from "@/lib/outcomes/chart-data";

/** One "what helped" chart per live programme of the patient (newest first, at most three). */
export async function OutcomesSection({
  db,
  clinicId,
  patientId,
  programmes,
}: {
  db: DatabaseOrTransaction;
  clinicId: string;
  patientId: string;
  programmes: { id: string; title: string }[];
}) {
  const shown = programmes.slice(0, 3);
  const charts = await Promise.all(
    shown.map(async (p) => ({ p, model: await loadOutcomeChart(db, { clinicId, patientId, programmeId: p.id }) })),
  );
  if (charts.every((c) => !c.model)) return null;
  return (
    <section className="card p-5" aria-labelledby="outcomes-chart-heading" data-testid="outcomes-section">
      <h2 id="outcomes-chart-heading" className="text-xl font-bold">
        Progress and what changed
      </h2>
      {charts.map(({ p, model }) =>
        model ? (
          <div key={p.id} className="mt-4">
            {shown.length > 1 ? <h3 className="mb-2 font-bold">{p.title}</h3> : null}
            <OutcomeChart model={model} id={`chart-${p.id.slice(0, 8)}`} />
            {model.outcomes.length === 0 ? (
              <p className="mt-2 text-sm text-muted">
                No outcome scores yet.{" "}
                <Link href={`/programmes/${p.id}`} className="link">
                  Choose measures on the programme
                </Link>{" "}
                and the patient is asked on their page.
              </p>
            ) : null}
          </div>
        ) : null,
      )}
    </section>
  );
}
