import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { getImportedMeasure, listImportedMeasures } from "@/db/queries/outcomes";
import { BUILTIN, isBuiltin } from "./builtin";
import type { MeasureDefinition } from "./measure";

/** The measures a clinic can schedule: the built-in ones, then its own imports (archived ones left out). */
export async function listClinicMeasures(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }): Promise<MeasureDefinition[]> {
  return [...Object.values(BUILTIN), ...(await listImportedMeasures(db, { clinicId }))];
}

/** One measure by key, archived imports included (their responses still need reading). */
export async function getMeasure(
  db: DatabaseOrTransaction,
  { clinicId, key }: { clinicId: string; key: string },
): Promise<MeasureDefinition | null> {
  return isBuiltin(key) ? BUILTIN[key] : getImportedMeasure(db, { clinicId, key });
}
