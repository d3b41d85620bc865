"use client";

import type { FormState } from "@/lib/actions";

type Common = { label: string; name: string; state?: FormState; hint?: React.ReactNode; defaultValue?: string };

function errorOf(state: FormState | undefined, name: string) {
  return state?.errors?.[name]?.[0];
}

function Described({ id, hint, error }: { id: string; hint?: React.ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-bold text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** Label, control, hint and error wired together; `control` gets the props every control needs. */
function Labelled({ label, name, state, hint, defaultValue, control }: Common & { control: (props: ControlProps) => React.ReactNode }) {
  const id = `field-${name}`;
  const error = errorOf(state, name);
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {control({
        id,
        name,
        className: "input",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(id, hint, error),
        defaultValue: state?.values?.[name] ?? defaultValue,
      })}
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

type ControlProps = {
  id: string;
  name: string;
  className: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  defaultValue: string | undefined;
};

export function TextArea({ rows = 4, ...common }: Common & { rows?: number }) {
  return <Labelled {...common} control={(props) => <textarea rows={rows} {...props} />} />;
}

export function Select({ options, ...common }: Common & { options: { value: string; label: string }[] }) {
  return (
    <Labelled
      {...common}
      control={(props) => (
        <select {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxGroup({
  label,
  name,
  state,
  options,
  defaultValues = [],
}: Omit<Common, "defaultValue"> & { options: { value: string; label: string }[]; defaultValues?: string[] }) {
  const error = errorOf(state, name);
  const id = `field-${name}`;
  // After a failed submit, what was ticked comes back from the echoed values.
  const echoed = state?.values?.[name];
  const checked = new Set(state?.values ? (echoed ? echoed.split(",") : []) : defaultValues);
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="label">{label}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
          >
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.has(o.value)} className="size-4 accent-brand-600" />
            {o.label}
          </label>
        ))}
      </div>
      <Described id={id} error={error} />
    </fieldset>
  );
}
