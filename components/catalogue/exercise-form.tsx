"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { CheckboxGroup, Select, TextArea } from "@/components/ui/fields";
import { DosageFields, type Dose } from "@/components/programme/dosage-fields";
import type { FormState } from "@/lib/actions";
import { BODY_REGIONS, CATEGORIES, EQUIPMENT, POSITIONS } from "@/lib/domain/exercise";
import { BODY_REGION_LABELS, CATEGORY_LABELS, EQUIPMENT_LABELS, POSITION_LABELS } from "@/lib/domain/labels";

export type ExerciseFormValues = {
  id?: string;
  basedOnId?: string;
  name: string;
  aliases: string[];
  purpose: string;
  category: string;
  bodyRegion: string;
  position: string;
  equipment: string[];
  targetMuscles: string[];
  tags: string[];
  steps: string[];
  cues: string[];
  cautions: string[];
  poseSlug: string;
  dosage: Dose;
};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const join = (lines: string[]) => lines.join("\n");

export function ExerciseForm({
  action,
  initial,
  poseOptions,
  submitLabel,
}: {
  action: Action;
  initial: ExerciseFormValues;
  poseOptions: { value: string; label: string }[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-6" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.basedOnId ? <input type="hidden" name="basedOnId" value={initial.basedOnId} /> : null}
      <FormMessage state={state} />
      <section className="card space-y-4 p-6" aria-labelledby="about">
        <h2 id="about" className="text-lg font-bold">
          About the exercise
        </h2>
        <Field label="Name" name="name" defaultValue={initial.name} state={state} required />
        <TextArea
          label="Purpose"
          name="purpose"
          rows={2}
          defaultValue={initial.purpose}
          state={state}
          hint="One or two sentences for clinicians: what it trains and why."
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <Select
            label="Category"
            name="category"
            defaultValue={initial.category}
            state={state}
            options={CATEGORIES.map((v) => ({ value: v, label: CATEGORY_LABELS[v]! }))}
          />
          <Select
            label="Starting position"
            name="position"
            defaultValue={initial.position}
            state={state}
            options={POSITIONS.map((v) => ({ value: v, label: POSITION_LABELS[v]! }))}
          />
          <Select
            label="Body region"
            name="bodyRegion"
            defaultValue={initial.bodyRegion}
            state={state}
            options={BODY_REGIONS.map((v) => ({ value: v, label: BODY_REGION_LABELS[v] }))}
          />
        </div>
        <CheckboxGroup
          label="Equipment"
          name="equipment"
          state={state}
          defaultValues={initial.equipment}
          options={EQUIPMENT.map((v) => ({ value: v, label: EQUIPMENT_LABELS[v]! }))}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextArea
            label="Target muscles"
            name="targetMuscles"
            rows={3}
            defaultValue={join(initial.targetMuscles)}
            state={state}
            hint="One per line."
          />
          <TextArea
            label="Other names"
            name="aliases"
            rows={3}
            defaultValue={join(initial.aliases)}
            state={state}
            hint="One per line; search finds these too."
          />
        </div>
        <TextArea
          label="Search words"
          name="tags"
          rows={2}
          defaultValue={join(initial.tags)}
          state={state}
          hint="Everyday words, one per line (for example: lying on front)."
        />
      </section>
      <section className="card space-y-4 p-6" aria-labelledby="how">
        <h2 id="how" className="text-lg font-bold">
          How to do it
        </h2>
        <TextArea
          label="Steps"
          name="steps"
          rows={6}
          defaultValue={join(initial.steps)}
          state={state}
          hint="One step per line, in plain words the patient will read."
        />
        <TextArea
          label="Cues"
          name="cues"
          rows={3}
          defaultValue={join(initial.cues)}
          state={state}
          hint="Short coaching points, one per line."
        />
        <TextArea
          label="Cautions"
          name="cautions"
          rows={3}
          defaultValue={join(initial.cautions)}
          state={state}
          hint="When to stop or what to avoid, one per line."
        />
        <Select
          label="Illustration"
          name="poseSlug"
          defaultValue={initial.poseSlug}
          state={state}
          options={[{ value: "", label: "No illustration" }, ...poseOptions]}
          hint="Reuse the drawings of a catalogue exercise."
        />
      </section>
      <section className="card space-y-4 p-6" aria-labelledby="dose">
        <h2 id="dose" className="text-lg font-bold">
          Starting dose
        </h2>
        <DosageFields state={state} initial={initial.dosage} noteName="dosageNote" />
      </section>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
