import { getDb } from "@/db/client";
import { listClinicMeasures } from "@/lib/outcomes/measures";
import { SCORING_RULE_LABELS } from "@/lib/domain/outcomes";
import { RowAction } from "../_components/row-action";
import { SettingsSection } from "../_components/settings-section";
import { StatusBadge } from "../_components/status-badge";
import { archiveMeasureAction } from "./outcome-actions";
import { QuestionnaireImportForm } from "./questionnaire-import-form";

/** The measures clinicians can ask on a programme: PSFS and NPRS built in, and the owner's imports. */
export async function OutcomeMeasuresSection({ clinicId }: { clinicId: string }) {
  const measures = await listClinicMeasures(await getDb(), { clinicId });
  return (
    <SettingsSection
      id="outcome-measures"
      title="Outcome measures"
      description={
        <>
          The Patient-Specific Functional Scale and the 0–10 pain rating are built in and free to use. For a measure your clinic holds a
          licence for (Oswestry, STarT Back…), import its FHIR R4 Questionnaire. Homeplan ships no licensed questionnaire text.
        </>
      }
    >
      <ul className="card divide-y divide-line" aria-label="Outcome measures">
        {measures.map((m) => (
          <li key={m.key} className="flex flex-wrap items-center gap-x-4 gap-y-3 p-4" data-testid="outcome-measure">
            <div className="min-w-0 flex-1 basis-60">
              <p className="font-bold">{m.title}</p>
              <p className="text-sm text-muted">
                {SCORING_RULE_LABELS[m.rule]} ·{" "}
                {m.mcid !== null ? `MCID ${m.mcid}${m.mcidPercent ? ` points or ${m.mcidPercent} %` : ""}` : "no MCID declared"} ·{" "}
                {m.higherIsBetter ? "higher is better" : "lower is better"}
              </p>
              <p className="text-sm text-muted">{m.source}</p>
            </div>
            <div className="flex items-center gap-3 sm:ml-auto">
              {m.key.startsWith("q-") ? (
                <RowAction
                  action={archiveMeasureAction}
                  id={m.key}
                  label="Stop offering"
                  pendingLabel="Saving…"
                  className="btn-secondary"
                  confirm={{ question: `Stop offering “${m.title}”?`, yes: "Yes, stop" }}
                />
              ) : (
                <StatusBadge tone="brand">Built in</StatusBadge>
              )}
            </div>
          </li>
        ))}
      </ul>
      <QuestionnaireImportForm />
    </SettingsSection>
  );
}
