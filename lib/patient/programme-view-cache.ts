import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { BoundedCache } from "@/lib/bounded-cache";
import type { ProgrammeView } from "@/lib/programme/view";
import { loadProgrammeView } from "./programme-view";

/** What one drawing of a programme depends on: its version and its stamp (getProgrammeViewStamp). */
export type ProgrammeViewKey = { clinicId: string; programmeId: string; version: number; stamp: string };

/*
 * The patient page shows the same programme on every visit until it changes, and reading
 * it is six queries. A new version or a new stamp (the patient's name, the clinic's
 * details, the clinician's name, the exercises' text and media) is a new key, so an edit
 * shows on the next request and nothing has to be forgotten for it; old keys leave as the
 * cache fills. The key holds no link: one entry serves every link to the programme. Nothing
 * here decides who may see a programme: the page checks the link first, on every request.
 * A few hundred programmes in a few MB: a clinic's busy week fits, and the bound is firm.
 */
const views = new BoundedCache<ProgrammeView | null>(500, 16 * 1024 * 1024, (view) => Buffer.byteLength(JSON.stringify(view)));

const programmePrefix = (key: { clinicId: string; programmeId: string }) => `${key.clinicId}:${key.programmeId}:`;

/** The programme as the patient page draws it, read once per key. */
export function cachedProgrammeView(db: DatabaseOrTransaction, key: ProgrammeViewKey): Promise<ProgrammeView | null> {
  // The version in the key, not "current": a save in between must not file a newer version under an older key.
  return views.getOrCreate(`${programmePrefix(key)}${key.version}:${key.stamp}`, () => loadProgrammeView(db, key));
}

/** Forgets every kept copy of a programme (its patient was erased). */
export function forgetProgrammeViews(key: { clinicId: string; programmeId: string }): void {
  views.deleteByPrefix(programmePrefix(key));
}
