import Link from "next/link";
import { ExerciseFigure } from "@/components/illustration/exercise-figure";
import type { ExerciseCard as Card } from "@/db/queries/exercises";
import { dosageCompact } from "@/lib/dosage/format";
import { CATEGORY_LABELS, label, POSITION_LABELS } from "@/lib/domain/labels";

export function CatalogueExerciseCard({ exercise }: { exercise: Card }) {
  const d = exercise.defaultDosage;
  return (
    <li className="card flex flex-col p-5 transition-colors hover:border-brand-200">
      <ExerciseFigure slug={exercise.poseSlug} name={exercise.name} arrows={false} className="mb-3 rounded-lg bg-canvas" />
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-bold">
          <Link href={`/catalogue/${exercise.id}`} className="after:absolute after:inset-0 hover:text-brand-700 focus-visible:outline-none">
            {exercise.name}
          </Link>
        </h2>
        {exercise.clinicId ? <span className="rounded-full bg-warn-soft px-2 py-0.5 text-xs font-bold text-warn">Custom</span> : null}
      </div>
      <p className="mt-1 line-clamp-3 text-sm text-muted">{exercise.purpose}</p>
      <dl className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-4 text-sm">
        <div>
          <dt className="sr-only">Position</dt>
          <dd>{label(POSITION_LABELS, exercise.position)}</dd>
        </div>
        <div>
          <dt className="sr-only">Category</dt>
          <dd className="text-muted">{label(CATEGORY_LABELS, exercise.category)}</dd>
        </div>
        <div className="w-full">
          <dt className="sr-only">Default dose</dt>
          <dd className="font-bold text-brand-800">{dosageCompact({ ...d, load: d.load ?? "", note: d.note ?? "" })}</dd>
        </div>
      </dl>
    </li>
  );
}
