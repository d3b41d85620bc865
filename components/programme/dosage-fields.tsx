"use client";

import type { FormState } from "@/lib/actions";
import { DoseEditor, type DoseKey } from "./dose-editor";

type Dose = {
  sets: number;
  reps: number;
  holdSeconds: number;
  restSeconds: number;
  sides: string;
  timesPerDay: number;
  daysPerWeek: number;
  load?: string;
  note?: string;
};

/** The dose editor inside a posted form (the custom exercise form): values and errors come back in the form state. */
export function DosageFields({
  state,
  initial,
  noteName = "note",
  prefix = "",
}: {
  state?: FormState;
  initial: Dose;
  noteName?: string;
  prefix?: string;
}) {
  const field = (key: DoseKey) => `${prefix}${key === "note" ? noteName : key}`;
  return (
    <DoseEditor
      idPrefix="field-"
      name={field}
      value={(key) => state?.values?.[field(key)] ?? String(initial[key] ?? "")}
      error={(key) => state?.errors?.[field(key)]?.[0]}
    />
  );
}
