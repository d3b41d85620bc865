import "server-only";
import type { Database } from "@/db/client";
import { insertCustomExercise, updateCustomExerciseRow } from "@/db/queries/exercises";
import type { CustomExerciseInput } from "@/lib/validations/exercise";
import { buildSearchDetail, buildSearchText } from "./search-text";

/*
 * A clinic's own exercises, searchable like the shared catalogue: the search words are
 * built here, by the same rules content/ is synced with, and stored with the row.
 */

function searchFields(input: CustomExerciseInput) {
  return { searchText: buildSearchText(input), searchDetail: buildSearchDetail(input) };
}

export function createCustomExercise(
  db: Database,
  actor: { clinicId: string; clinicianId: string },
  input: CustomExerciseInput,
  basedOnId?: string,
): Promise<string> {
  return insertCustomExercise(db, actor, input, searchFields(input), basedOnId);
}

/** Only the clinic's own exercises can change; the global catalogue changes through content/. */
export function updateCustomExercise(
  db: Database,
  target: { id: string; clinicId: string; clinicianId: string },
  input: CustomExerciseInput,
): Promise<boolean> {
  return updateCustomExerciseRow(db, target, input, searchFields(input));
}
