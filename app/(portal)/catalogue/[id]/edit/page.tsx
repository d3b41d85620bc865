import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExerciseForm } from "@/components/catalogue/exercise-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getExercise, listPoseSources } from "@/db/queries/exercises";
import { requireClinician } from "@/lib/auth/dal";
import { isUuid } from "@/lib/ids";
import { updateExerciseAction } from "../../actions";
import { MediaSection } from "../_components/media-section";

export const metadata: Metadata = { title: "Edit exercise" };

export default async function EditExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireClinician();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const exercise = await getExercise(db, { id, clinicId: session.clinicId });
  // Catalogue exercises change through content/; only the clinic's own are editable here.
  if (!exercise || exercise.clinicId !== session.clinicId) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${exercise.name}`}
        description="Changes apply to new programmes; saved programme versions keep what they were given."
      />
      <ExerciseForm
        action={updateExerciseAction}
        initial={{ ...exercise, basedOnId: undefined, poseSlug: exercise.poseSlug ?? "", dosage: exercise.defaultDosage }}
        poseOptions={await listPoseSources(db)}
        submitLabel="Save changes"
      />
      <div className="mt-8">
        <MediaSection clinicId={session.clinicId} exerciseId={exercise.id} />
      </div>
    </>
  );
}
