import type { BuilderContent } from "@/lib/programme/builder-types";
import { dosageWords } from "@/lib/dosage/format";
import { label, POSITION_LABELS } from "@/lib/domain/labels";

/** What the patient will see on their phone, from the builder's unsaved state. */
export function BuilderPreview({ content, patientName }: { content: BuilderContent; patientName?: string }) {
  const first = patientName?.split(" ")[0];
  return (
    <div
      className="mx-auto w-full max-w-[400px] overflow-hidden rounded-[2rem] border-8 border-ink bg-canvas shadow-xl"
      aria-label="Patient preview"
    >
      <div className="space-y-4 p-5 text-lg">
        {first ? <p className="text-muted">Hello {first},</p> : null}
        <h2 className="text-2xl font-bold">{content.title || "Untitled programme"}</h2>
        {content.patientNote ? <p className="rounded-xl bg-brand-50 p-4">{content.patientNote}</p> : null}
        <p className="rounded-xl bg-warn-soft p-3 text-base">Stop any exercise that makes your pain worse.</p>
        <ol className="space-y-3">
          {content.items.map((item, i) => (
            <li key={item.key} className="rounded-xl bg-surface p-4 shadow-sm">
              <p className="text-sm text-muted">
                {i + 1} · {label(POSITION_LABELS, item.position)}
              </p>
              <p className="text-xl font-bold">{item.name}</p>
              <p className="mt-1 font-bold text-brand-800">{dosageWords(item.dosage).join(" · ")}</p>
              {item.dosage.note ? <p className="mt-1 text-base">{item.dosage.note}</p> : null}
            </li>
          ))}
        </ol>
        <p className="rounded-xl bg-brand-600 p-4 text-center font-bold text-white">Start today&apos;s session</p>
      </div>
    </div>
  );
}
