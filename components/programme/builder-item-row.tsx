"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { BuilderItem } from "@/lib/programme/builder-types";
import type { Dosage } from "@/lib/programme/view";
import { dosageCompact } from "@/lib/dosage/format";
import { DOSE_NUMBER_FIELDS, type DoseNumberField } from "@/lib/domain/dose";
import { DoseEditor, type DoseKey } from "./dose-editor";

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

const isNumberField = (key: DoseKey): key is DoseNumberField => (DOSE_NUMBER_FIELDS as readonly string[]).includes(key);

/** One exercise in the programme: drag handle, compact dose, dose editor in place. */
export function BuilderItemRow({ item, index, count, open, errors, onToggle, onChange, onMove, onRemove }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.key });
  const rowErrors = Object.entries(errors).filter(([k]) => k.startsWith(`items.${index}.`));
  const panelId = `dose-${item.key}`;

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
            <circle cx="7" cy="5" r="1.5" />
            <circle cx="13" cy="5" r="1.5" />
            <circle cx="7" cy="10" r="1.5" />
            <circle cx="13" cy="10" r="1.5" />
            <circle cx="7" cy="15" r="1.5" />
            <circle cx="13" cy="15" r="1.5" />
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
          <button
            type="button"
            className="btn-ghost min-h-11 px-2"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move ${item.name} up`}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn-ghost min-h-11 px-2"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move ${item.name} down`}
          >
            ↓
          </button>
          <button type="button" className="btn-ghost min-h-11 px-3 text-sm" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
            {open ? "Done" : "Edit dose"}
          </button>
          <button
            type="button"
            className="btn-ghost min-h-11 px-3 text-sm text-danger"
            onClick={onRemove}
            aria-label={`Remove ${item.name}`}
          >
            Remove
          </button>
        </div>
      </div>
      {open ? (
        <div id={panelId} className="border-t border-line p-3" role="group" aria-label={`Dose for ${item.name}`}>
          <DoseEditor
            idPrefix={`${item.key}-`}
            compact
            value={(key) => String(item.dosage[key] ?? "")}
            error={(key) => errors[`items.${index}.${key}`]}
            onChange={(key, value) =>
              onChange(key, isNumberField(key) ? (value === "" ? ("" as unknown as number) : Number(value)) : value)
            }
          />
        </div>
      ) : null}
    </li>
  );
}
