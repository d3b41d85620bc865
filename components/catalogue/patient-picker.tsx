"use client";

import { useEffect, useId, useState } from "react";

export type PickedPatient = { id: string; name: string; email: string };

/**
 * Who a photo or video shows: nobody identifiable, or one of the clinic's patients, found
 * by typing part of a name or email (the clinic's list is searched on the server, so it
 * works the same with five patients or five thousand). A patient chosen here has the
 * media removed with the rest of their record if it is ever erased.
 */
export function PatientPicker({
  searchUrl,
  picked,
  onPick,
  disabled,
}: {
  searchUrl: string;
  picked: PickedPatient | null | "nobody";
  onPick: (next: PickedPatient | null | "nobody") => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickedPatient[] | null>(null);
  const [failed, setFailed] = useState(false);
  const choosing = picked !== "nobody";

  useEffect(() => {
    const q = query.trim();
    if (!choosing || picked || q.length === 0) return;
    const controller = new AbortController();
    // A short pause while typing, so each keystroke is not a request.
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${searchUrl}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        setResults(((await response.json()) as { patients: PickedPatient[] }).patients);
        setFailed(false);
      } catch {
        if (!controller.signal.aborted) setFailed(true);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, choosing, picked, searchUrl]);

  return (
    <fieldset className="grid gap-2" disabled={disabled}>
      <legend className="label">Who is in it?</legend>
      <label className="flex items-center gap-2">
        <input type="radio" name={`${id}-who`} checked={!choosing} onChange={() => onPick("nobody")} />
        Nobody who could be recognised, or a member of staff
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name={`${id}-who`} checked={choosing} onChange={() => onPick(null)} />
        One of our patients (with their consent)
      </label>
      {choosing ? (
        picked ? (
          <p className="flex flex-wrap items-center gap-3 rounded-lg bg-canvas p-3" data-testid="picked-patient">
            <span>
              Shows <strong>{picked.name}</strong> <span className="text-muted">({picked.email})</span>
            </span>
            <button type="button" className="link text-sm" onClick={() => onPick(null)}>
              Choose someone else
            </button>
          </p>
        ) : (
          <div className="grid gap-2">
            <label htmlFor={`${id}-find`} className="text-sm font-bold">
              Find the patient by name or email
            </label>
            <input id={`${id}-find`} type="search" className="input" value={query} onChange={(e) => setQuery(e.target.value)} />
            {failed ? <p className="text-sm font-bold text-danger">The search did not answer. Try again.</p> : null}
            {results && query.trim() ? (
              results.length === 0 ? (
                <p className="text-sm text-muted">No current patient matches.</p>
              ) : (
                <ul className="grid gap-1" aria-label="Matching patients">
                  {results.map((p) => (
                    <li key={p.id}>
                      <button type="button" className="btn-secondary w-full justify-start text-left" onClick={() => onPick(p)}>
                        {p.name} <span className="font-normal text-muted">· {p.email}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </div>
        )
      ) : null}
      <p className="text-sm text-muted">Media that shows a patient is deleted with their record if it is ever erased.</p>
    </fieldset>
  );
}
