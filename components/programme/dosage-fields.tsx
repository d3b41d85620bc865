"use client";

import type { FormState } from "@/lib/actions";

type Dose = { sets: number; reps: number; holdSeconds: number; restSeconds: number; sides: string; timesPerDay: number; daysPerWeek: number; load?: string; note?: string };

const NUMBERS: { name: keyof Dose; label: string; min: number; max: number; suffix?: string }[] = [
  { name: "sets", label: "Sets", min: 1, max: 20 },
  { name: "reps", label: "Reps", min: 1, max: 100 },
  { name: "holdSeconds", label: "Hold", min: 0, max: 600, suffix: "s" },
  { name: "restSeconds", label: "Rest", min: 0, max: 600, suffix: "s" },
  { name: "timesPerDay", label: "Times a day", min: 1, max: 6 },
  { name: "daysPerWeek", label: "Days a week", min: 1, max: 7 },
];

/** The dose as a compact grid of labelled fields, each with its own error. */
export function DosageFields({ state, initial, noteName = "note", prefix = "" }: { state?: FormState; initial: Dose; noteName?: string; prefix?: string }) {
  const value = (name: string, fallback: string | number | undefined) => state?.values?.[`${prefix}${name}`] ?? String(fallback ?? "");
  const error = (name: string) => state?.errors?.[`${prefix}${name}`]?.[0];
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {NUMBERS.map((f) => {
          const id = `field-${prefix}${f.name}`;
          const err = error(f.name);
          return (
            <div key={f.name}>
              <label htmlFor={id} className="label">
                {f.label}
                {f.suffix ? <span className="font-normal text-muted"> ({f.suffix})</span> : null}
              </label>
              <input
                id={id}
                name={`${prefix}${f.name}`}
                type="number"
                inputMode="numeric"
                min={f.min}
                max={f.max}
                className="input"
                defaultValue={value(f.name, initial[f.name] as number)}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${id}-error` : undefined}
              />
              {err ? (
                <p id={`${id}-error`} className="mt-1 text-sm font-bold text-danger">
                  {err}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`field-${prefix}sides`} className="label">
            Sides
          </label>
          <select id={`field-${prefix}sides`} name={`${prefix}sides`} className="input" defaultValue={value("sides", initial.sides)}>
            <option value="none">Not sided</option>
            <option value="each">Each side</option>
            <option value="alternating">Alternating</option>
          </select>
        </div>
        <div>
          <label htmlFor={`field-${prefix}load`} className="label">
            Load <span className="font-normal text-muted">(optional)</span>
          </label>
          <input id={`field-${prefix}load`} name={`${prefix}load`} className="input" placeholder="e.g. red band" defaultValue={value("load", initial.load)} />
        </div>
        <div>
          <label htmlFor={`field-${prefix}${noteName}`} className="label">
            Note <span className="font-normal text-muted">(optional)</span>
          </label>
          <input id={`field-${prefix}${noteName}`} name={`${prefix}${noteName}`} className="input" defaultValue={value(noteName, initial.note)} />
          {error(noteName) ? <p className="mt-1 text-sm font-bold text-danger">{error(noteName)}</p> : null}
        </div>
      </div>
    </div>
  );
}
