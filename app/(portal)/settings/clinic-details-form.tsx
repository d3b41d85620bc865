"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { updateClinicAction } from "./actions";
import type { PaperSize } from "@/lib/domain/clinic";

type Clinic = { name: string; address: string; phone: string; paperSize: PaperSize; timeZone: string };

const PAPER = [
  { value: "A4", label: "A4", hint: "210 × 297 mm · UK, Europe, most of the world" },
  { value: "LETTER", label: "Letter", hint: "8.5 × 11 in · US and Canada" },
] as const;

export function ClinicDetailsForm({ clinic, timeZones }: { clinic: Clinic; timeZones: string[] }) {
  const [state, action] = useActionState(updateClinicAction, {});
  const value = (name: keyof Clinic) => state.values?.[name] ?? clinic[name];
  const addressError = state.errors?.address?.[0];
  const paperError = state.errors?.paperSize?.[0];
  const zoneError = state.errors?.timeZone?.[0];
  return (
    <form action={action} className="card space-y-5 p-5 sm:p-6" noValidate>
      <FormMessage state={state} />
      <Field label="Clinic name" name="name" autoComplete="organization" required defaultValue={clinic.name} state={state} />
      <div>
        <label htmlFor="field-address" className="label">
          Address
        </label>
        <textarea
          id="field-address"
          name="address"
          rows={3}
          autoComplete="street-address"
          className="input resize-y"
          defaultValue={value("address")}
          aria-invalid={addressError ? true : undefined}
          aria-describedby={addressError ? "field-address-error" : undefined}
        />
        {addressError ? (
          <p id="field-address-error" className="mt-1 text-sm font-bold text-danger">
            {addressError}
          </p>
        ) : null}
      </div>
      <Field
        label="Phone"
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        defaultValue={clinic.phone}
        state={state}
        className="input sm:max-w-xs"
      />
      <fieldset aria-describedby={paperError ? "paper-error" : undefined}>
        <legend className="label">Paper size for handouts</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {PAPER.map((paper) => (
            <label
              key={paper.value}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="paperSize"
                value={paper.value}
                defaultChecked={value("paperSize") === paper.value}
                className="mt-1 size-4 accent-brand-600"
              />
              <span>
                <span className="block font-bold">{paper.label}</span>
                <span className="block text-sm text-muted">{paper.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {paperError ? (
          <p id="paper-error" className="mt-1 text-sm font-bold text-danger">
            {paperError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor="field-timeZone" className="label">
          Time zone
        </label>
        <p id="field-timeZone-hint" className="-mt-0.5 mb-1 text-sm text-muted">
          Patients&apos; weeks, reminder times and calendar files follow it, unless a patient has their own.
        </p>
        <select
          id="field-timeZone"
          name="timeZone"
          className="input sm:max-w-xs"
          defaultValue={value("timeZone")}
          aria-invalid={zoneError ? true : undefined}
          aria-describedby={zoneError ? "field-timeZone-hint field-timeZone-error" : "field-timeZone-hint"}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </select>
        {zoneError ? (
          <p id="field-timeZone-error" className="mt-1 text-sm font-bold text-danger">
            {zoneError}
          </p>
        ) : null}
      </div>
      <div className="flex justify-end border-t border-line pt-4">
        <SubmitButton pendingLabel="Saving…">Save clinic details</SubmitButton>
      </div>
    </form>
  );
}
