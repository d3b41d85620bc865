"use client";

import { DOSE_LIMITS, DOSE_NUMBER_FIELDS, DOSE_TEXT_MAX, type DoseNumberField } from "@/lib/domain/dose";
import { SIDES } from "@/lib/domain/exercise";
import { SIDES_LABELS } from "@/lib/domain/labels";

export type DoseKey = DoseNumberField | "sides" | "load" | "note";

const NUMBER_LABELS: Record<DoseNumberField, { label: string; suffix?: string }> = {
  sets: { label: "Sets" },
  reps: { label: "Reps" },
  holdSeconds: { label: "Hold", suffix: "(s)" },
  restSeconds: { label: "Rest", suffix: "(s)" },
  timesPerDay: { label: "Times a day" },
  daysPerWeek: { label: "Days a week" },
};
const NUMBERS = DOSE_NUMBER_FIELDS.map((key) => ({ key, ...NUMBER_LABELS[key], ...DOSE_LIMITS[key] }));

type Props = {
  /** Makes each field's id unique on a page with several editors. */
  idPrefix: string;
  value: (key: DoseKey) => string;
  error: (key: DoseKey) => string | undefined;
  /** The builder keeps the dose in its own state: given, every field is controlled. */
  onChange?: (key: DoseKey, value: string) => void;
  /** Otherwise the fields post with their form under these names. */
  name?: (key: DoseKey) => string;
  /** Smaller labels, for a dose edited inside a list row. */
  compact?: boolean;
};

/**
 * The one dose editor: sets, reps, hold, rest, times a day, days a week, sides, load and a
 * note, each with its own label, limits and error. The programme builder and the custom
 * exercise form both use it, so a limit or a label changes in one place.
 */
export function DoseEditor({ idPrefix, value, error, onChange, name, compact = false }: Props) {
  const idOf = (key: DoseKey) => `${idPrefix}${name ? name(key) : key}`;
  const labelClass = compact ? "mb-1 block text-xs font-bold" : "label";
  const errorClass = compact ? "mt-1 text-xs font-bold text-danger" : "mt-1 text-sm font-bold text-danger";
  const inputClass = compact ? "input px-2" : "input";
  // Controlled in the builder, uncontrolled (with a name) in a posted form.
  const bind = (key: DoseKey) =>
    onChange
      ? { value: value(key), onChange: (e: { target: { value: string } }) => onChange(key, e.target.value) }
      : { name: name?.(key) ?? key, defaultValue: value(key) };
  const described = (key: DoseKey, id: string) => (error(key) ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});
  const message = (key: DoseKey, id: string) =>
    error(key) ? (
      <p id={`${id}-error`} className={errorClass}>
        {error(key)}
      </p>
    ) : null;

  return (
    <div className={compact ? "space-y-3" : "space-y-4"}>
      <div className={`grid grid-cols-2 gap-3 sm:grid-cols-3 ${compact ? "md:grid-cols-6" : "lg:grid-cols-6"}`}>
        {NUMBERS.map((f) => {
          const id = idOf(f.key);
          return (
            <div key={f.key}>
              <label htmlFor={id} className={labelClass}>
                {f.label}
                {f.suffix ? <span className="font-normal text-muted"> {f.suffix}</span> : null}
              </label>
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={f.min}
                max={f.max}
                className={inputClass}
                {...bind(f.key)}
                {...described(f.key, id)}
              />
              {message(f.key, id)}
            </div>
          );
        })}
      </div>
      <div className="grid gap-3 sm:grid-cols-[10rem_10rem_1fr]">
        <div>
          <label htmlFor={idOf("sides")} className={labelClass}>
            Sides
          </label>
          <select id={idOf("sides")} className={inputClass} {...bind("sides")}>
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {SIDES_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={idOf("load")} className={labelClass}>
            Load <span className="font-normal text-muted">(optional)</span>
          </label>
          <input
            id={idOf("load")}
            className={inputClass}
            maxLength={DOSE_TEXT_MAX.load}
            placeholder="e.g. red band"
            {...bind("load")}
            {...described("load", idOf("load"))}
          />
          {message("load", idOf("load"))}
        </div>
        <div>
          <label htmlFor={idOf("note")} className={labelClass}>
            Note to the patient <span className="font-normal text-muted">(optional)</span>
          </label>
          <input
            id={idOf("note")}
            className={inputClass}
            maxLength={DOSE_TEXT_MAX.note}
            {...bind("note")}
            {...described("note", idOf("note"))}
          />
          {message("note", idOf("note"))}
        </div>
      </div>
    </div>
  );
}
