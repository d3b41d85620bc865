"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

type Option = { value: string; label: string };

/**
 * Search as you type, with the query kept in the URL so a search can be shared and
 * reloaded. Works without JavaScript too: it is a plain GET form.
 */
export function CatalogueSearch({ filters }: { filters: { name: string; label: string; options: Option[] }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What the form holds now: a filter change must not bring back a query just cleared.
  const current = useRef(new URLSearchParams(params.toString()));

  function navigate(next: URLSearchParams) {
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function update(name: string, value: string, delay = 0) {
    current.current.set(name, value);
    // A new search or filter starts at its first page: a cursor belongs to the old list.
    current.current.delete("cursor");
    const next = new URLSearchParams(current.current.toString());
    clearTimeout(timer.current);
    timer.current = setTimeout(() => navigate(next), delay);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <form
      role="search"
      action={pathname}
      className="card grid gap-3 p-4 md:grid-cols-[2fr_repeat(4,1fr)]"
      onSubmit={(e) => {
        e.preventDefault();
        update("q", q);
      }}
    >
      <div>
        <label htmlFor="catalogue-q" className="label">
          Search exercises
        </label>
        <input
          id="catalogue-q"
          name="q"
          type="search"
          className="input"
          placeholder="Bridge, lying on front, no equipment…"
          value={q}
          autoComplete="off"
          onChange={(e) => {
            setQ(e.target.value);
            update("q", e.target.value, 200);
          }}
        />
      </div>
      {filters.map((f) => (
        <div key={f.name}>
          <label htmlFor={`filter-${f.name}`} className="label">
            {f.label}
          </label>
          <select
            id={`filter-${f.name}`}
            name={f.name}
            className="input"
            defaultValue={params.get(f.name) ?? ""}
            onChange={(e) => update(f.name, e.target.value)}
          >
            <option value="">Any</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <noscript>
        <button type="submit" className="btn-primary">
          Search
        </button>
      </noscript>
      <p aria-live="polite" className="sr-only">
        {pending ? "Searching…" : ""}
      </p>
    </form>
  );
}
