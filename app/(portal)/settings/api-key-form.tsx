"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { createApiKeyAction } from "./api-key-actions";

/** Creates a key and shows it once, selectable for copying; after a reload it is gone for good. */
export function ApiKeyForm() {
  const [state, action] = useActionState(createApiKeyAction, {});
  const key = state.ok ? state.values?.apiKey : undefined;
  return (
    <form action={action} className="card space-y-4 p-5 sm:p-6" noValidate>
      <div>
        <h3 className="font-bold">New API key</h3>
        <p className="text-sm text-muted">
          Read-only access to this clinic&apos;s patients, programmes and session logs through the FHIR API.
        </p>
      </div>
      <FormMessage state={state} />
      {key ? (
        <div>
          <label htmlFor="new-api-key" className="label">
            Your new key
          </label>
          <input
            id="new-api-key"
            readOnly
            value={key}
            className="input font-mono text-sm"
            onFocus={(e) => e.currentTarget.select()}
            data-testid="new-api-key"
          />
        </div>
      ) : null}
      <Field
        id="api-key-name"
        label="Key name"
        name="name"
        hint="The system that will use it, e.g. “Practice EHR”."
        autoComplete="off"
        required
        maxLength={80}
        state={state}
        key={key ?? "form"}
        defaultValue={key ? "" : undefined}
      />
      <div className="flex justify-end border-t border-line pt-4">
        <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
      </div>
    </form>
  );
}
