import { PendingAnswers } from "./pending-answers";

/**
 * On the patient's page, live on every visit: "2 quick questions from Alex" when the
 * programme's measures are due, and answers still waiting on the phone.
 */
export function OutcomePrompt({
  count,
  clinicianFirstName,
  href,
  programmeId,
}: {
  count: number;
  clinicianFirstName: string;
  href: string;
  programmeId: string;
}) {
  return (
    <>
      {count > 0 ? (
        <section
          aria-labelledby="questions-due"
          className="card grid gap-3 border-brand-200 p-5 sm:p-6 print:hidden"
          data-testid="outcome-prompt"
        >
          <h2 id="questions-due" className="text-2xl font-bold">
            {count === 1 ? "1 quick question" : `${count} quick questions`} from {clinicianFirstName}
          </h2>
          <p className="text-muted">It helps {clinicianFirstName} see how you are getting on. It takes about a minute.</p>
          <a href={href} className="btn-primary min-h-16 w-full rounded-xl px-6 text-xl sm:w-auto sm:justify-self-start">
            Answer now
          </a>
        </section>
      ) : null}
      <PendingAnswers programmeId={programmeId} />
    </>
  );
}
