import type { Metadata } from "next";
import { ExerciseForm, type ExerciseFormValues } from "@/components/catalogue/exercise-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getExercise, listPoseSources } from "@/db/queries/exercises";
import { requireClinician } from "@/lib/auth/dal";
import { isUuid } from "@/lib/ids";
import { createExerciseAction } from "../actions";

export const metadata: Metadata = { title: "New custom exercise" };

const BLANK: ExerciseFormValues = {
  name: "",
  aliases: [],
  purpose: "",
  category: "strengthen",
  bodyRegion: "lower back",
  position: "supine",
  equipment: ["none"],
  targetMuscles: [],
  tags: [],
  steps: [],
  cues: [],
  cautions: ["Stop if the exercise makes your pain worse."],
  poseSlug: "",
  dosage: { sets: 3, reps: 10, holdSeconds: 0, restSeconds: 30, sides: "none", timesPerDay: 1, daysPerWeek: 5 },
};

export default async function NewExercisePage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const session = await requireClinician();
  const { from } = await searchParams;
  const db = await getDb();
  const original = isUuid(from) ? await getExercise(db, { id: from, clinicId: session.clinicId }) : undefined;
  const initial: ExerciseFormValues = original
    ? {
        ...original,
        id: undefined,
        name: `${original.name} (adapted)`,
        basedOnId: original.id,
        poseSlug: original.poseSlug ?? "",
        dosage: original.defaultDosage,
      }
    : BLANK;
  return (
    <>
      <PageHeader
        title={original ? `Adapt ${original.name}` : "New custom exercise"}
        description="Custom exercises are visible only to your clinic. They can be added to programmes like any other."
      />
      <ExerciseForm action={createExerciseAction} initial={initial} poseOptions={await listPoseSources(db)} submitLabel="Save exercise" />
    </>
  );
}
