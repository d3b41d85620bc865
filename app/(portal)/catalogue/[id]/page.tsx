import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExercisePoseStrip } from "@/components/illustration/exercise-figure";
import { ToggleActionButton } from "@/components/ui/toggle-action-button";
import { retireExerciseAction } from "../actions";
import { MediaSection } from "./_components/media-section";
import { getDb } from "@/db/client";
import { getExercise } from "@/db/queries/exercises";
import { listExerciseMedia } from "@/db/queries/media";
import { requireClinician } from "@/lib/auth/dal";
import { isUuid } from "@/lib/ids";
import { CATEGORY_LABELS, EQUIPMENT_LABELS, label, POSITION_LABELS } from "@/lib/domain/labels";
import { dosageCompact } from "@/lib/dosage/format";

export const metadata: Metadata = { title: "Exercise" };

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function ExercisePage({ params, searchParams }: Params) {
  const session = await requireClinician();
  const { id } = await params;
  const { saved } = await searchParams;
  if (!isUuid(id)) notFound();
  const exercise = await getExercise(await getDb(), { id, clinicId: session.clinicId });
  if (!exercise) notFound();
  const d = exercise.defaultDosage;
  const custom = exercise.clinicId !== null;
  // The clinic's own pictures stand in for a drawing it does not have.
  const hasMedia = custom && (await listExerciseMedia(await getDb(), { clinicId: session.clinicId, exerciseId: exercise.id })).length > 0;

  return (
    <article>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/catalogue" className="link">
          Catalogue
        </Link>
        <span aria-hidden="true" className="px-2 text-muted">
          /
        </span>
        <span className="text-muted">{exercise.name}</span>
      </nav>
      {saved ? (
        <p role="status" className="mb-4 rounded-lg bg-ok-soft px-4 py-2 font-bold text-ok">
          Saved.
        </p>
      ) : null}
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-bold uppercase tracking-wider text-brand-700">
            {label(CATEGORY_LABELS, exercise.category)} · {label(POSITION_LABELS, exercise.position)}
            {custom ? " · Custom" : ""}
            {exercise.retiredAt ? " · Retired" : ""}
          </p>
          <h1 className="mt-1 text-3xl font-bold">{exercise.name}</h1>
          {exercise.aliases.length ? <p className="mt-1 text-muted">Also called {exercise.aliases.join(", ")}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/catalogue/new?from=${exercise.id}`} className="btn-secondary">
            Duplicate to adapt
          </Link>
          {custom ? (
            <>
              <Link href={`/catalogue/${exercise.id}/edit`} className="btn-secondary">
                Edit
              </Link>
              <ToggleActionButton
                action={retireExerciseAction}
                fields={{ id: exercise.id, retired: exercise.retiredAt ? "false" : "true" }}
                label={exercise.retiredAt ? "Restore" : "Retire"}
                danger={!exercise.retiredAt}
              />
            </>
          ) : null}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <section className="card p-6">
            {hasMedia && !exercise.poseSlug ? null : <ExercisePoseStrip slug={exercise.poseSlug} name={exercise.name} className="mb-6" />}
            <p className="text-lg">{exercise.purpose}</p>
            <h2 className="mt-6 text-lg font-bold">Steps</h2>
            <ol className="mt-2 list-decimal space-y-2 pl-6 marker:font-bold marker:text-brand-700">
              {exercise.steps.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
            {exercise.cues.length ? (
              <>
                <h2 className="mt-6 text-lg font-bold">Cues</h2>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {exercise.cues.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          {custom ? (
            <MediaSection clinicId={session.clinicId} exerciseId={exercise.id} />
          ) : (
            <p className="text-sm text-muted">
              To show patients your own photos or a video of this exercise, use <strong>Duplicate to adapt</strong>: your clinic&apos;s
              version can carry them.
            </p>
          )}
          {exercise.cautions.length ? (
            <section className="rounded-xl border border-warn/30 bg-warn-soft p-6" aria-labelledby="cautions">
              <h2 id="cautions" className="text-lg font-bold text-warn">
                Cautions
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {exercise.cautions.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {exercise.variations.easier.length || exercise.variations.harder.length ? (
            <section className="card grid gap-6 p-6 sm:grid-cols-2" aria-label="Variations">
              {(["easier", "harder"] as const).map((kind) => (
                <div key={kind}>
                  <h2 className="text-lg font-bold">{kind === "easier" ? "Easier" : "Harder"}</h2>
                  {exercise.variations[kind].length === 0 ? <p className="mt-2 text-muted">None listed.</p> : null}
                  <ul className="mt-2 space-y-3">
                    {exercise.variations[kind].map((v) => (
                      <li key={v.name}>
                        <p className="font-bold">{v.name}</p>
                        <p className="text-muted">{v.description}</p>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ) : null}
        </div>

        <aside className="space-y-6">
          <section className="card p-6">
            <h2 className="text-sm font-bold uppercase tracking-wider text-muted">Starting dose</h2>
            <p className="mt-2 text-xl font-bold text-brand-800">{dosageCompact({ ...d, load: d.load ?? "", note: d.note ?? "" })}</p>
            {d.note ? <p className="mt-2 text-sm text-muted">{d.note}</p> : null}
            <dl className="mt-5 space-y-3 text-sm">
              <Fact term="Position">{label(POSITION_LABELS, exercise.position)}</Fact>
              <Fact term="Equipment">{exercise.equipment.map((e) => label(EQUIPMENT_LABELS, e)).join(", ")}</Fact>
              <Fact term="Target muscles">{exercise.targetMuscles.join(", ")}</Fact>
              <Fact term="Body region">{exercise.bodyRegion}</Fact>
            </dl>
          </section>
          {exercise.dosageDecisions.length ? (
            <section className="card p-6">
              <h2 className="text-sm font-bold uppercase tracking-wider text-muted">Where the sources differ</h2>
              <ul className="mt-3 space-y-4 text-sm">
                {exercise.dosageDecisions.map((decision, i) => (
                  <li key={i}>
                    <p>
                      <span className="font-bold">{decision.chosen}</span> <span className="text-muted">(range: {decision.range})</span>
                    </p>
                    <p className="mt-1 text-muted">{decision.why}</p>
                    <p className="mt-1 text-xs text-muted">Sources: {decision.sources.join(", ")}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {exercise.sources.length ? (
            <section className="card p-6">
              <h2 className="text-sm font-bold uppercase tracking-wider text-muted">Sources</h2>
              <ul className="mt-3 space-y-2 text-sm">
                {exercise.sources.map((s) => (
                  <li key={s.file}>
                    <span className="font-mono text-xs">{s.file}</span>
                    <span className="block text-muted">{s.facts}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-bold">{term}</dt>
      <dd className="text-muted">{children}</dd>
    </div>
  );
}
