"use client";

import type { FormState } from "@/lib/actions";
import { DOSE_LIMITS, DOSE_NUMBER_FIELDS, type DoseNumberField } from "@/lib/domain/dose";
import { SIDES } from "@/lib/domain/exercise";
import { SIDES_LABELS } from "@/lib/domain/labels";

type Dose = { sets: number; reps: number; holdSeconds: number; restSeconds: number; sides: string; timesPerDay: number; daysPerWeek: number; load?: string; note?: string };

const LABELS: Record<DoseNumberField, { label: string; suffix?: string }> = {
  sets: { label: "Sets" },
  reps: { label: "Reps" },
  holdSeconds: { label: "Hold", suffix: "s" },
  restSeconds: { label: "Rest", suffix: "s" },
  timesPerDay: { label: "Times a day" },
  daysPerWeek: { label: "Days a week" },
};
const NUMBERS = DOSE_NUMBER_FIELDS.map((name) => ({ name, ...LABELS[name], ...DOSE_LIMITS[name] }));

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
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {SIDES_LABELS[s]}
              </option>
            ))}
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
