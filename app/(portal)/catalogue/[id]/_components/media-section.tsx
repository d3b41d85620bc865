import { ExerciseMediaList } from "@/components/catalogue/exercise-media-list";
import { MediaUpload } from "@/components/catalogue/media-upload";
import { getDb } from "@/db/client";
import { listExerciseMedia } from "@/db/queries/media";
import { removeMediaAction } from "../../media-actions";

/** The clinic's own photos and video of one of its exercises, with the upload. The page has checked the session and that the exercise is the clinic's. */
export async function MediaSection({ clinicId, exerciseId }: { clinicId: string; exerciseId: string }) {
  const media = await listExerciseMedia(await getDb(), { clinicId, exerciseId });
  return (
    <section className="card grid gap-5 p-6" aria-labelledby="media-heading">
      <div>
        <h2 id="media-heading" className="text-lg font-bold">
          Photos and video
        </h2>
        <p className="mt-1 text-muted">
          Your own pictures replace the drawing on the patient&apos;s page, in the player and on the handout (a video shows there as a QR
          code).
        </p>
      </div>
      <ExerciseMediaList media={media} base={`/catalogue/${exerciseId}/media`} removeAction={removeMediaAction} />
      <MediaUpload uploadUrl={`/catalogue/${exerciseId}/media`} patientSearchUrl="/api/patients/search" />
    </section>
  );
}
