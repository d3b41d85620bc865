import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuestionnaireForm } from "@/components/patient/outcomes/questionnaire-form";
import { getDb } from "@/db/client";
import { firstName, loadDueOutcomes } from "@/lib/outcomes/due";
import { resolvePatientLink } from "@/lib/links/access";

export const metadata: Metadata = { title: "A few quick questions", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The measures due on the patient's programme, asked through their link. */
export default async function QuestionsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolvePatientLink(token);
  if (!link) notFound();
  const outcomes = await loadDueOutcomes(await getDb(), { clinicId: link.clinicId, programmeId: link.programmeId });
  const base = `/p/${token}`;
  const clinician = firstName(outcomes?.clinicianName ?? "your physio");
  return (
    <div className="min-h-dvh bg-canvas text-lg">
      <main className="mx-auto grid max-w-2xl gap-6 px-4 pb-16 pt-6 sm:px-6">
        <div>
          <a href={base} className="link">
            Back to my plan
          </a>
          <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">Questions from {clinician}</h1>
        </div>
        {outcomes && outcomes.due.length > 0 ? (
          <QuestionnaireForm
            answerUrl={`${base}/answers`}
            programmeId={link.programmeId}
            version={outcomes.version}
            measures={outcomes.due.map((d) => d.measure)}
            keys={Object.fromEntries(outcomes.due.map((d) => [d.measure.key, crypto.randomUUID()]))}
            activities={outcomes.activities}
            clinicianFirstName={clinician}
            backHref={base}
          />
        ) : (
          <p className="card p-5">There are no questions for you right now. Thank you!</p>
        )}
      </main>
    </div>
  );
}
