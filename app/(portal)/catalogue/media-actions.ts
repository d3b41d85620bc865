"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { removeMedia } from "@/db/queries/media";
import { clinicianAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { removeStoredFiles } from "@/lib/media/upload";

export const removeMediaAction = clinicianAction(z.object({ id: z.uuid() }), async ({ id }, session) => {
  const files = await removeMedia(await getDb(), { clinicId: session.clinicId, clinicianId: session.clinicianId }, { id });
  if (!files) throw new AppError("not_found");
  await removeStoredFiles(
    session.clinicId,
    id,
    files.map((f) => f.file),
  );
  revalidatePath("/catalogue", "layout");
  return { ok: true, message: "Removed." };
});
