import Link from "next/link";
import type { Page } from "@/lib/pagination";

const count = new Intl.NumberFormat("en-GB");

/** `params` with the cursor set (or removed): a page link keeps the list's filters, sort and search. */
function pageHref(path: string, params: Record<string, string | undefined>, param: string, cursor: string | null) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== param) search.set(k, v);
  if (cursor) search.set(param, cursor);
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** "1–50 of 5,003 · Previous · Next" under a list. Renders nothing when everything fits on one page. */
export function Pager({
  page,
  path,
  params,
  param = "cursor",
  noun,
}: {
  page: Pick<Page<unknown>, "rows" | "start" | "next" | "prev" | "total">;
  path: string;
  params: Record<string, string | undefined>;
  param?: string;
  noun: string;
}) {
  if (!page.next && !page.prev) return null;
  const from = page.rows.length ? page.start + 1 : page.start;
  const to = page.start + page.rows.length;
  return (
    <nav aria-label={`Pages of ${noun}`} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" data-testid="pager-range">
        {count.format(from)}–{count.format(to)}
        {page.total !== null ? ` of ${count.format(page.total)}` : ""} {noun}
      </p>
      <div className="flex gap-2">
        {page.prev ? (
          <Link href={pageHref(path, params, param, page.prev)} className="btn-secondary" rel="prev">
            Previous
          </Link>
        ) : (
          <span className="btn-secondary pointer-events-none opacity-50" aria-disabled="true">
            Previous
          </span>
        )}
        {page.next ? (
          <Link href={pageHref(path, params, param, page.next)} className="btn-secondary" rel="next">
            Next
          </Link>
        ) : (
          <span className="btn-secondary pointer-events-none opacity-50" aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
