import type { Metadata } from "next";
import Link from "next/link";
import { CatalogueSearch } from "@/components/catalogue/catalogue-search";
import { ExerciseCard } from "@/components/catalogue/exercise-card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { catalogueFacets, searchExercises } from "@/db/queries/exercises";
import { requireClinician } from "@/lib/auth/dal";
import { CATEGORIES, EQUIPMENT, POSITIONS } from "@/lib/domain/exercise";
import { CATEGORY_LABELS, EQUIPMENT_LABELS, POSITION_LABELS } from "@/lib/domain/labels";
import { catalogueFiltersSchema } from "@/lib/validations/catalogue";

export const metadata: Metadata = { title: "Catalogue" };

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireClinician();
  const filters = catalogueFiltersSchema.parse(await searchParams);
  const db = await getDb();
  const [results, facets] = await Promise.all([
    searchExercises(db, { clinicId: session.clinicId, filters }),
    catalogueFacets(db, { clinicId: session.clinicId }),
  ]);
  const filtered = Boolean(filters.q || filters.category || filters.position || filters.equipment || filters.bodyRegion);

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
          { name: "region", label: "Body region", options: facets.bodyRegions.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })) },
        ]}
      />
      <p className="mt-6 text-sm text-muted" aria-live="polite" data-testid="result-count">
        {results.length === 1 ? "1 exercise" : `${results.length} exercises`}
        {filtered ? " match" : ""}
      </p>
      {results.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No exercises match" action={<Link href="/catalogue" className="btn-secondary">Clear the search</Link>}>
            Try fewer words, another spelling, or remove a filter.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 [&>li]:relative">
          {results.map((exercise) => (
            <ExerciseCard key={exercise.id} exercise={exercise} />
          ))}
        </ul>
      )}
    </>
  );
}
