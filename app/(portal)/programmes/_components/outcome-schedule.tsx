"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { OUTCOME_LIMITS } from "@/lib/domain/outcomes";
import type { ScheduleRule } from "@/lib/outcomes/schedule";
import { saveOutcomeScheduleAction } from "../outcome-actions";

type Measure = { key: string; title: string; shortTitle: string; mcid: number | null };
const WEEKS = Array.from(
  { length: OUTCOME_LIMITS.everyWeeks.max - OUTCOME_LIMITS.everyWeeks.min + 1 },
  (_, i) => OUTCOME_LIMITS.everyWeeks.min + i,
);

/** Which measures the programme asks the patient, and when. */
export function OutcomeSchedule({ programmeId, measures, rules }: { programmeId: string; measures: Measure[]; rules: ScheduleRule[] }) {
  const [state, action] = useActionState(saveOutcomeScheduleAction, {});
  const ruleOf = new Map(rules.map((r) => [r.measure, r]));
  return (
    <section className="card p-5" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading" className="text-lg font-bold">
        Outcome measures
      </h2>
      <p className="mt-1 text-sm text-muted">Asked on the patient&apos;s page when due; a reminder is emailed if one waits 3 days.</p>
      {/* Keyed by the saved schedule: React resets a form after its action, and a select resets to the choice it was first drawn with. */}
      <form key={JSON.stringify(rules)} action={action} className="mt-3 grid gap-4" data-testid="outcome-schedule">
        <input type="hidden" name="programmeId" value={programmeId} />
        {measures.map((m) => {
          const rule = ruleOf.get(m.key);
          return (
            <fieldset key={m.key} className="grid gap-2 rounded-lg border border-line p-3">
              <legend className="px-1 font-bold">{m.title}</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="start" value={m.key} defaultChecked={rule?.atStart} className="size-5" />
                At the start
              </label>
              <label className="flex flex-wrap items-center gap-2 text-sm">
                <span>Every</span>
                <select
                  name={`weeks:${m.key}`}
                  defaultValue={rule?.everyWeeks ?? ""}
                  className="input w-auto py-1"
                  aria-label={`${m.shortTitle}: every how many weeks`}
                >
                  <option value="">–</option>
                  {WEEKS.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <span>weeks</span>
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="review" value={m.key} defaultChecked={rule?.atReview} className="size-5" />
                At the review date
              </label>
            </fieldset>
          );
        })}
        <FormMessage state={state} />
        <SubmitButton className="btn-secondary justify-self-start" pendingLabel="Saving…">
          Save measures
        </SubmitButton>
      </form>
    </section>
  );
}
