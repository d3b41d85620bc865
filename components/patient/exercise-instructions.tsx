/** The numbered steps and tips of an exercise, shared by the follow-along page and the player. */
export function NumberedSteps({ steps }: { steps: string[] }) {
  return (
    <ol className="grid gap-2">
      {steps.map((step, i) => (
        <li key={i} className="grid grid-cols-[2rem_1fr] gap-2">
          <span aria-hidden="true" className="font-bold text-brand-700 print:text-ink">
            {i + 1}.
          </span>
          <span>{step}</span>
        </li>
      ))}
    </ol>
  );
}

export function TipList({ cues }: { cues: string[] }) {
  return (
    <ul className="grid list-disc gap-1 pl-6 marker:text-brand-500">
      {cues.map((cue, i) => (
        <li key={i}>{cue}</li>
      ))}
    </ul>
  );
}

export function CautionList({ cautions }: { cautions: string[] }) {
  return (
    <ul className="grid gap-1">
      {cautions.map((caution, i) => (
        <li key={i}>{caution}</li>
      ))}
    </ul>
  );
}
