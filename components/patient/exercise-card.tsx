import { dosageWords } from "@/lib/dosage/format";
import { CautionList, NumberedSteps, TipList } from "./exercise-instructions";
import { equipmentWords, positionWords } from "@/lib/player/words";
import type { ProgrammeExerciseView } from "@/lib/programme/view";
import { FigureFrame } from "./figure-frame";
import { NoteIcon, StopHandIcon } from "./icons";

/** One exercise on the follow-along page (and on paper): what to do, how much, what to watch for. */
export function PatientExerciseCard({
  item,
  number,
  clinicianName,
  figure,
}: {
  item: ProgrammeExerciseView;
  number: number;
  clinicianName: string;
  figure?: React.ReactNode;
}) {
  const headingId = `exercise-${item.position}`;
  const equipment = equipmentWords(item.equipment);
  return (
    <article
      aria-labelledby={headingId}
      className="card overflow-hidden break-inside-avoid print:rounded-none print:border-0 print:border-t print:shadow-none"
    >
      <div className="grid gap-4 p-5 sm:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] sm:gap-x-6 sm:p-6 print:grid-cols-[2fr_3fr] print:p-0 print:pt-4">
        <div className="sm:col-span-2 print:col-span-2">
          <h3 id={headingId} className="text-2xl font-bold">
            <span className="mr-2 inline-flex size-9 items-center justify-center rounded-full bg-brand-600 align-[0.1em] text-lg text-white print:border print:border-ink print:bg-white print:text-ink">
              {number}
            </span>
            {item.name}
          </h3>
          <p className="mt-1 font-bold text-brand-800">{positionWords(item.bodyPosition)}</p>
          {equipment ? <p className="text-muted">{equipment}</p> : null}
        </div>
        <FigureFrame figure={figure} />
        <div>
          <h4 className="sr-only">How much</h4>
          <ul className="grid gap-1 rounded-lg bg-canvas px-4 py-3 ring-1 ring-line print:bg-white print:ring-ink/40">
            {dosageWords(item.dosage).map((part, i) => (
              <li key={part} className={`flex items-baseline gap-2 ${i === 0 ? "text-xl font-bold" : "font-bold text-ink/90"}`}>
                <span aria-hidden="true" className="size-2 shrink-0 translate-y-[-0.15em] rounded-full bg-brand-500 print:bg-ink" />
                {part.charAt(0).toUpperCase() + part.slice(1)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="grid gap-5 border-t border-line p-5 sm:p-6 print:border-0 print:p-0 print:pt-3">
        {item.dosage.note ? (
          <p className="flex gap-3 rounded-lg bg-brand-50 p-4 text-brand-800 print:border print:border-ink/40 print:bg-white">
            <NoteIcon className="mt-0.5 size-6" />
            <span>
              <strong>{clinicianName} says:</strong> {item.dosage.note}
            </span>
          </p>
        ) : null}
        <div>
          <h4 className="text-xl font-bold">How to do it</h4>
          <div className="mt-2">
            <NumberedSteps steps={item.steps} />
          </div>
        </div>
        {item.cues.length > 0 ? (
          <div>
            <h4 className="text-xl font-bold">Tips</h4>
            <div className="mt-2">
              <TipList cues={item.cues} />
            </div>
          </div>
        ) : null}
        {item.cautions.length > 0 ? (
          <div className="rounded-lg border border-warn/30 bg-warn-soft p-4 print:bg-white">
            <h4 className="flex items-center gap-2 text-xl font-bold text-warn">
              <StopHandIcon className="size-6" />
              Take care
            </h4>
            <div className="mt-1">
              <CautionList cautions={item.cautions} />
            </div>
          </div>
        ) : null}
      </div>
    </article>
  );
}
