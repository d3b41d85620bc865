"use client";

import type { FormState } from "@/lib/actions";
import type { DoseNumberField } from "@/lib/domain/dose";
import { DoseEditor, type DoseKey } from "./dose-editor";

/** A dose as a form starts from: the numbers and sides, with load and note when there are any. */
export type Dose = Record<DoseNumberField, number> & { sides: string; load?: string; note?: string };

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
