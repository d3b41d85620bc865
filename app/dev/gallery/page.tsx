import path from "node:path";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnimatedFigure } from "@/components/illustration/animated-figure";
import { ExercisePoseStrip } from "@/components/illustration/exercise-figure";
import { FigurePlaceholder } from "@/components/illustration/figure-placeholder";
import { loadExercises } from "@/lib/catalogue/load-content";
import type { Position } from "@/lib/domain/exercise";
import { isProduction } from "@/lib/env";
import { keyPoses } from "@/lib/illustration/drawing";
import { loadPoseSets } from "@/lib/illustration/load-poses";
import type { PoseSet } from "@/lib/illustration/pose-schema";

export const metadata: Metadata = { title: "Illustration gallery", robots: { index: false, follow: false } };

// Decided per request: production answers 404, and the build never needs the environment.
export const dynamic = "force-dynamic";

const POSITION_WORDS: Record<Position, string> = {
  supine: "lying on the back",
  prone: "lying on the front",
  "side-lying": "lying on the side",
  quadruped: "on hands and knees",
  seated: "sitting",
  kneeling: "kneeling",
  standing: "standing",
};

function viewWords(poseSet: PoseSet): string {
  if (poseSet.view === "top") return "seen from above";
  return Math.abs(poseSet.poses[0]!.root.turn) >= 45 || Math.abs(poseSet.poses[0]!.root.roll) >= 45 ? "seen from the front" : "side view";
}

/** For reviewing the drawings during development: every exercise's key poses, still and moving. */
export default function IllustrationGalleryPage() {
  if (isProduction()) notFound();
  const exercises = loadExercises(path.join(process.cwd(), "content", "exercises"));
  // Read fresh on every visit so that edits to content/poses show on reload.
  const poseSets = loadPoseSets();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-bold sm:text-3xl">Illustration gallery</h1>
      <p className="mt-1 max-w-2xl text-muted">Key poses of every catalogue exercise, drawn from content/poses. Development builds only.</p>
      <div className="mt-8 space-y-6">
        {exercises.map((exercise) => {
          const poseSet = poseSets.get(exercise.slug) ?? null;
          return (
            <section key={exercise.slug} aria-labelledby={`ex-${exercise.slug}`} className="card p-4 sm:p-5">
              <h2 id={`ex-${exercise.slug}`} className="text-lg font-bold">
                {exercise.name}
              </h2>
              <p className="text-sm text-muted">
                {POSITION_WORDS[exercise.position]}
                {poseSet ? ` · ${viewWords(poseSet)} · ${keyPoses(poseSet).length} key poses` : " · no pose file"}
              </p>
              <div className="mt-4 grid gap-4 lg:grid-cols-[1fr_16rem]">
                <ExercisePoseStrip poseSet={poseSet} name={exercise.name} />
                <div>
                  <AnimatedFigure
                    poseSet={poseSet}
                    name={exercise.name}
                    tempoSeconds={3}
                    holdSeconds={Math.min(exercise.dosage.holdSeconds, 3)}
                    className="rounded-lg border border-line"
                  />
                  <p className="mt-1 text-sm text-muted">Moving, 3 s each way</p>
                </div>
              </div>
            </section>
          );
        })}
        <section aria-labelledby="placeholder" className="card p-4 sm:p-5">
          <h2 id="placeholder" className="text-lg font-bold">
            Custom exercise without an illustration
          </h2>
          <div className="mt-4 grid grid-cols-2 gap-3 sm:max-w-md">
            <FigurePlaceholder />
          </div>
        </section>
      </div>
    </main>
  );
}
