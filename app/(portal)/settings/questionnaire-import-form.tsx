"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { SCORING_RULES, SCORING_RULE_LABELS } from "@/lib/domain/outcomes";
import { importQuestionnaireAction } from "./outcome-actions";

/** Paste a FHIR R4 Questionnaire and declare how it is scored. */
export function QuestionnaireImportForm() {
  const [state, action] = useActionState(importQuestionnaireAction, {});
  const jsonError = state.errors?.json?.[0];
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="card space-y-4 p-5 sm:p-6" noValidate>
      <div>
        <h3 className="font-bold">Import a questionnaire</h3>
        <p className="text-sm text-muted">
          Supported items: integer, decimal, choice with ordinal scores (ordinalValue), string, display and group.
        </p>
      </div>
      <FormMessage state={state} />
      <div>
        <label htmlFor="q-json" className="label">
          Questionnaire JSON (FHIR R4)
        </label>
        <textarea
          id="q-json"
          name="json"
          rows={8}
          className="input font-mono text-sm"
          defaultValue={v.json}
          key={state.ok ? "done" : "editing"}
          aria-invalid={jsonError ? true : undefined}
          aria-describedby={jsonError ? "q-json-error" : undefined}
          spellCheck={false}
        />
        {jsonError ? (
          <p id="q-json-error" className="mt-1 text-sm font-bold text-danger">
            {jsonError}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <div>
          <label htmlFor="q-rule" className="label">
            Score
          </label>
          <select id="q-rule" name="rule" className="input" defaultValue={v.rule ?? "sum"}>
            {SCORING_RULES.map((r) => (
              <option key={r} value={r}>
                {SCORING_RULE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q-mcid" className="label">
            MCID (points, optional)
          </label>
          <input id="q-mcid" name="mcid" type="number" step="any" min={0} className="input" defaultValue={v.mcid} />
        </div>
        <div>
          <label htmlFor="q-direction" className="label">
            A higher score is
          </label>
          <select id="q-direction" name="direction" className="input" defaultValue={v.direction ?? "lower"}>
            <option value="lower">worse</option>
            <option value="higher">better</option>
          </select>
        </div>
      </div>
      <div className="flex justify-end border-t border-line pt-4">
        <SubmitButton pendingLabel="Importing…">Import</SubmitButton>
      </div>
    </form>
  );
}
