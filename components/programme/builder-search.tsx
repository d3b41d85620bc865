"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { ExerciseCard } from "@/db/queries/exercises";
import { dosageCompact } from "@/lib/dosage/format";
import { POSITION_LABELS } from "@/lib/domain/labels";

const dose = (e: ExerciseCard) => dosageCompact({ ...e.defaultDosage, load: e.defaultDosage.load ?? "", note: e.defaultDosage.note ?? "" });

/**
 * Search the catalogue without leaving the builder: type, arrow to a result, Enter adds
 * it and keeps focus in the box for the next one. A combobox in the ARIA sense.
 */
export function BuilderSearch({ onAdd }: { onAdd: (exercise: ExerciseCard) => void }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<ExerciseCard[]>([]);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState("");
  const listId = useId();
  const request = useRef(0);

  useEffect(() => {
    const ticket = ++request.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/catalogue/search?q=${encodeURIComponent(q)}`, { headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { results: ExerciseCard[] };
        // Only the newest answer counts: a slow early reply must not replace a later one.
        if (ticket !== request.current) return;
        setResults(body.results);
        setActive(0);
        setStatus(body.results.length ? `${body.results.length} results` : "No exercises match");
      } catch {
        if (ticket === request.current) setStatus("Search is not available just now. Check your connection.");
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [q]);

  function add(exercise: ExerciseCard | undefined) {
    if (!exercise) return;
    onAdd(exercise);
    setStatus(`${exercise.name} added`);
  }

  return (
    <div className="card p-4">
      <label htmlFor="builder-search" className="label">
        Add exercises
      </label>
      <input
        id="builder-search"
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        aria-autocomplete="list"
        className="input"
        placeholder="Search, then Enter to add"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            add(results[active]);
          } else if (e.key === "Escape") {
            setQ("");
          }
        }}
      />
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      <ul id={listId} role="listbox" aria-label="Catalogue results" className="mt-3 max-h-[28rem] space-y-1 overflow-y-auto">
        {results.map((exercise, index) => (
          <li
            key={exercise.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`flex cursor-pointer items-center justify-between gap-3 rounded-lg px-3 py-2 ${index === active ? "bg-brand-50 ring-1 ring-brand-200" : "hover:bg-canvas"}`}
            onMouseEnter={() => setActive(index)}
            onClick={() => add(exercise)}
          >
            <span>
              <span className="block font-bold">{exercise.name}</span>
              <span className="block text-xs text-muted">
                {POSITION_LABELS[exercise.position]} · {dose(exercise)}
              </span>
            </span>
            <span aria-hidden="true" className="text-sm font-bold text-brand-700">
              Add
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
