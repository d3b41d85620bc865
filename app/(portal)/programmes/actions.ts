"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { createProgramme, getProgrammeVersion, ProgrammeConflict, saveProgrammeVersion, toDiffVersion } from "@/db/queries/programmes";
import { formObject } from "@/lib/actions";
import { authorizeClinician } from "@/lib/auth/dal";
import { AppError, logError } from "@/lib/errors";
import { prerenderHandout } from "@/lib/pdf/programme-handout";
import { describeChanges, diffVersions } from "@/lib/programme/diff";
import { queueChangeNotice } from "@/lib/programme/change-notice";
import { deliverSoon } from "@/lib/email/sender";
import type { SaveState } from "@/lib/programme/builder-types";
import { saveProgrammeSchema } from "@/lib/validations/programme";

function flatIssues(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.filter((p) => p !== "content").join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Saves the builder: a new programme or template, or a new version on top of the one
 * the clinician started from. A conflict returns what the other save changed and
 * leaves the clinician's edits on screen.
 */
export async function saveProgrammeAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const session = await authorizeClinician().catch(() => null);
  if (!session) return { ok: false, message: new AppError("unauthorized").userMessage };
  const parsed = saveProgrammeSchema.safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, message: "Please correct the highlighted fields.", errors: flatIssues(parsed.error) };
  const { programmeId, patientId, kind, baseVersion, content, notify } = parsed.data;
  const db = await getDb();
  const actor = { clinicId: session.clinicId, clinicianId: session.clinicianId };
  let id = programmeId;
  let emailed = false;
  try {
    if (programmeId) {
      const notice = async (tx: Parameters<typeof queueChangeNotice>[0], version: number) => {
        emailed = await queueChangeNotice(tx, { clinicId: session.clinicId, clinicianName: session.name, programmeId, version });
      };
      await saveProgrammeVersion(db, actor, { programmeId, baseVersion, content }, notify && kind === "programme" ? notice : undefined);
      // The new version's sheet is drawn once the response has gone, so its first download is a read.
      after(() => prerenderHandout(db, { clinicId: session.clinicId, programmeId }));
    } else {
      id = await createProgramme(db, actor, { kind, patientId, content });
    }
  } catch (error) {
    if (error instanceof ProgrammeConflict && programmeId) {
      const [base, current] = await Promise.all([
        getProgrammeVersion(db, { id: programmeId, clinicId: session.clinicId, version: baseVersion }),
        getProgrammeVersion(db, { id: programmeId, clinicId: session.clinicId }),
      ]);
      const theirChanges = base && current ? describeChanges(diffVersions(toDiffVersion(base), toDiffVersion(current))) : [];
      return {
        ok: false,
        message: `Someone else saved version ${error.currentVersion} while you were editing. Your edits are still here.`,
        conflict: { currentVersion: error.currentVersion, theirChanges },
      };
    }
    const problem = inputProblem(error);
    if (problem) return { ok: false, message: problem };
    logError("programme save failed", error);
    return { ok: false, message: "The programme could not be saved. Nothing was changed; your edits are still here. Please try again." };
  }
  if (emailed) deliverSoon();
  revalidatePath(kind === "template" ? "/templates" : "/programmes", "layout");
  if (patientId) revalidatePath(`/patients/${patientId}`);
  redirect(kind === "template" ? `/templates?saved=${id}` : `/programmes/${id}?saved=1${emailed ? "&emailed=1" : ""}`);
}

/**
 * What the save itself finds wrong with the request (an exercise outside the clinic's
 * catalogue, a programme that is not the clinic's) is the user's to fix, not a fault.
 */
function inputProblem(error: unknown): string | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === "invalid") return "An exercise in this plan is not in your clinic's catalogue any more. Remove it and save again.";
  if (error.code === "not_found") return error.userMessage;
  return null;
}

/** Keeps the builder's current exercises as a clinic template; the programme itself is unchanged. */
export async function saveAsTemplateAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const session = await authorizeClinician().catch(() => null);
  if (!session) return { ok: false, message: new AppError("unauthorized").userMessage };
  const parsed = saveProgrammeSchema.safeParse({
    ...formObject(formData),
    kind: "template",
    baseVersion: "0",
    programmeId: undefined,
    patientId: undefined,
  });
  if (!parsed.success)
    return { ok: false, message: "Please correct the highlighted fields before saving a template.", errors: flatIssues(parsed.error) };
  const content = { ...parsed.data.content, patientNote: "", changeNote: "", startDate: null, reviewDate: null };
  try {
    await createProgramme(await getDb(), { clinicId: session.clinicId, clinicianId: session.clinicianId }, { kind: "template", content });
  } catch (error) {
    const problem = inputProblem(error);
    if (problem) return { ok: false, message: problem };
    logError("template save failed", error);
    return { ok: false, message: "The template could not be saved. Nothing was changed; please try again." };
  }
  revalidatePath("/templates");
  return { ok: true, message: `Saved “${content.title}” as a clinic template.` };
}
