"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { BuilderItem } from "@/lib/programme/builder-types";
import type { Dosage } from "@/lib/programme/view";
import { dosageCompact } from "@/lib/dosage/format";
import { DOSE_LIMITS, DOSE_NUMBER_FIELDS, DOSE_TEXT_MAX, type DoseNumberField } from "@/lib/domain/dose";
import { SIDES } from "@/lib/domain/exercise";
import { SIDES_LABELS } from "@/lib/domain/labels";

type Props = {
  item: BuilderItem;
  index: number;
  count: number;
  open: boolean;
  errors: Record<string, string>;
  onToggle: () => void;
  onChange: (key: keyof Dosage, value: string | number) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

const LABELS: Record<DoseNumberField, string> = {
  sets: "Sets",
  reps: "Reps",
  holdSeconds: "Hold (s)",
  restSeconds: "Rest (s)",
  timesPerDay: "Per day",
  daysPerWeek: "Days/week",
};
const NUMBER_FIELDS = DOSE_NUMBER_FIELDS.map((key) => ({ key, label: LABELS[key], ...DOSE_LIMITS[key] }));

/** One exercise in the programme: drag handle, compact dose, dose editor in place. */
export function BuilderItemRow({ item, index, count, open, errors, onToggle, onChange, onMove, onRemove }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.key });
  const rowErrors = Object.entries(errors).filter(([k]) => k.startsWith(`items.${index}.`));
  const fieldError = (key: string) => errors[`items.${index}.${key}`];
  const panelId = `dose-${item.key}`;
  const set = onChange;

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`card ${isDragging ? "z-10 shadow-lg ring-2 ring-brand-200" : ""} ${rowErrors.length ? "border-danger" : ""}`}
      data-testid="programme-item"
    >
      <div className="flex flex-wrap items-center gap-2 p-3">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="flex size-11 shrink-0 cursor-grab touch-none items-center justify-center rounded-lg text-muted hover:bg-canvas active:cursor-grabbing"
          aria-label={`Reorder ${item.name}. Press space to pick up, arrow keys to move, space to drop.`}
          {...attributes}
          {...listeners}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
            <circle cx="7" cy="5" r="1.5" /><circle cx="13" cy="5" r="1.5" /><circle cx="7" cy="10" r="1.5" />
            <circle cx="13" cy="10" r="1.5" /><circle cx="7" cy="15" r="1.5" /><circle cx="13" cy="15" r="1.5" />
          </svg>
        </button>
        <span className="w-6 text-center font-bold text-muted">{index + 1}</span>
        <div className="min-w-0 flex-1">
          <p className="truncate font-bold">{item.name}</p>
          <p className="truncate text-sm text-brand-800" data-testid="dose-summary">
            {dosageCompact(item.dosage)}
          </p>
        </div>
        <div className="ml-auto flex shrink-0 items-center">
          <button type="button" className="btn-ghost min-h-11 px-2" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move ${item.name} up`}>
            ↑
          </button>
          <button type="button" className="btn-ghost min-h-11 px-2" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move ${item.name} down`}>
            ↓
          </button>
          <button type="button" className="btn-ghost min-h-11 px-3 text-sm" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
            {open ? "Done" : "Edit dose"}
          </button>
          <button type="button" className="btn-ghost min-h-11 px-3 text-sm text-danger" onClick={onRemove} aria-label={`Remove ${item.name}`}>
            Remove
          </button>
        </div>
      </div>
      {open ? (
        <div id={panelId} className="space-y-3 border-t border-line p-3" role="group" aria-label={`Dose for ${item.name}`}>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
            {NUMBER_FIELDS.map((f) => {
              const id = `${item.key}-${f.key}`;
              const err = fieldError(f.key);
              return (
                <div key={f.key}>
                  <label htmlFor={id} className="mb-1 block text-xs font-bold">
                    {f.label}
                  </label>
                  <input
                    id={id}
                    type="number"
                    inputMode="numeric"
                    min={f.min}
                    max={f.max}
                    className="input px-2"
                    value={String(item.dosage[f.key])}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={err ? `${id}-error` : undefined}
                    onChange={(e) => set(f.key, e.target.value === "" ? ("" as unknown as number) : Number(e.target.value))}
                  />
                  {err ? (
                    <p id={`${id}-error`} className="mt-1 text-xs font-bold text-danger">
                      {err}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          <div className="grid gap-2 sm:grid-cols-[10rem_10rem_1fr]">
            <div>
              <label htmlFor={`${item.key}-sides`} className="mb-1 block text-xs font-bold">
                Sides
              </label>
              <select id={`${item.key}-sides`} className="input px-2" value={item.dosage.sides} onChange={(e) => set("sides", e.target.value)}>
                {SIDES.map((s) => (
                  <option key={s} value={s}>
                    {SIDES_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${item.key}-load`} className="mb-1 block text-xs font-bold">
                Load
              </label>
              <input id={`${item.key}-load`} className="input px-2" value={item.dosage.load} maxLength={DOSE_TEXT_MAX.load} placeholder="e.g. red band" onChange={(e) => set("load", e.target.value)} />
            </div>
            <div>
              <label htmlFor={`${item.key}-note`} className="mb-1 block text-xs font-bold">
                Note to the patient
              </label>
              <input id={`${item.key}-note`} className="input px-2" value={item.dosage.note} maxLength={DOSE_TEXT_MAX.note} onChange={(e) => set("note", e.target.value)} />
            </div>
          </div>
        </div>
      ) : null}
    </li>
  );
}
