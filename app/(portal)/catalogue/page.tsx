import type { Metadata } from "next";
import Link from "next/link";
import { CatalogueSearch } from "@/components/catalogue/catalogue-search";
import { CatalogueExerciseCard } from "@/components/catalogue/exercise-card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/db/client";
import { catalogueFacets, listExercisePage, searchExercises } from "@/db/queries/exercises";
import { requireClinician } from "@/lib/auth/dal";
import { CATEGORIES, EQUIPMENT, POSITIONS } from "@/lib/domain/exercise";
import { CATEGORY_LABELS, EQUIPMENT_LABELS, POSITION_LABELS } from "@/lib/domain/labels";
import { catalogueFiltersSchema } from "@/lib/validations/catalogue";

export const metadata: Metadata = { title: "Catalogue" };

/** A search shows at most this many matches, best first. */
const SEARCH_CAP = 50;
const count = new Intl.NumberFormat("en-GB");

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireClinician();
  const params = await searchParams;
  const filters = catalogueFiltersSchema.parse(params);
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const db = await getDb();
  // Browsing pages by name; a search shows its best matches, ranked (see listExercisePage).
  const [page, facets] = await Promise.all([
    filters.q
      ? searchExercises(db, { clinicId: session.clinicId, filters, limit: SEARCH_CAP }).then((rows) => ({
          rows,
          total: rows.length,
          start: 0,
          next: null,
          prev: null,
        }))
      : listExercisePage(db, { clinicId: session.clinicId, filters, cursor }),
    catalogueFacets(db, { clinicId: session.clinicId }),
  ]);
  const results = page.rows;
  const total = page.total ?? results.length;
  const filtered = Boolean(filters.q || filters.category || filters.position || filters.equipment || filters.bodyRegion);
  const urlParams = {
    q: filters.q,
    category: filters.category,
    position: filters.position,
    equipment: filters.equipment,
    region: filters.bodyRegion,
  };

  return (
    <>
      <PageHeader
        title="Exercise catalogue"
        description="Lower-back exercises with steps, cautions and a starting dose. Add your clinic's own alongside."
        actions={
          <Link href="/catalogue/new" className="btn-secondary">
            New custom exercise
          </Link>
        }
      />
      <CatalogueSearch
        filters={[
          { name: "category", label: "Category", options: CATEGORIES.map((v) => ({ value: v, label: CATEGORY_LABELS[v]! })) },
          { name: "position", label: "Position", options: POSITIONS.map((v) => ({ value: v, label: POSITION_LABELS[v]! })) },
          { name: "equipment", label: "Equipment", options: EQUIPMENT.map((v) => ({ value: v, label: EQUIPMENT_LABELS[v]! })) },
          {
            name: "region",
            label: "Body region",
            options: facets.bodyRegions.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })),
          },
        ]}
      />
      <p className="mt-6 text-sm text-muted" aria-live="polite" data-testid="result-count">
        {filters.q && total >= SEARCH_CAP
          ? `The ${SEARCH_CAP} best matches: add a word or a filter to narrow them`
          : `${count.format(total)} ${total === 1 ? "exercise" : "exercises"}${filtered ? (total === 1 ? " matches" : " match") : ""}`}
      </p>
      {results.length === 0 ? (
        <div className="mt-3">
          <EmptyState
            title="No exercises match"
            action={
              <Link href="/catalogue" className="btn-secondary">
                Clear the search
              </Link>
            }
          >
            Try fewer words, another spelling, or remove a filter.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 [&>li]:relative">
          {results.map((exercise) => (
            <CatalogueExerciseCard key={exercise.id} exercise={exercise} />
          ))}
        </ul>
      )}
      <Pager page={page} path="/catalogue" params={urlParams} noun="exercises" />
    </>
  );
}
