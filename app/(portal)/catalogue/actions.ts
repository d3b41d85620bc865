"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getExercise, setCustomExerciseRetired } from "@/db/queries/exercises";
import { createCustomExercise, updateCustomExercise } from "@/lib/catalogue/custom-exercise";
import { clinicianAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { customExerciseSchema } from "@/lib/validations/exercise";

const createSchema = z.intersection(
  customExerciseSchema,
  z.object({
    basedOnId: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
  }),
);

export const createExerciseAction = clinicianAction(createSchema, async ({ basedOnId, ...input }, session) => {
  const db = await getDb();
  // Only an exercise this clinic can see may be named as the original.
  const original = basedOnId ? await getExercise(db, { id: basedOnId, clinicId: session.clinicId }) : undefined;
  const id = await createCustomExercise(db, { clinicId: session.clinicId, clinicianId: session.clinicianId }, input, original?.id);
  revalidatePath("/catalogue", "layout");
  redirect(`/catalogue/${id}?saved=1`);
});

const updateSchema = z.intersection(customExerciseSchema, z.object({ id: z.uuid() }));

export const updateExerciseAction = clinicianAction(updateSchema, async ({ id, ...input }, session) => {
  const db = await getDb();
  const ok = await updateCustomExercise(db, { id, clinicId: session.clinicId, clinicianId: session.clinicianId }, input);
  if (!ok) throw new AppError("not_found");
  revalidatePath("/catalogue", "layout");
  redirect(`/catalogue/${id}?saved=1`);
});

export const retireExerciseAction = clinicianAction(
  z.object({ id: z.uuid(), retired: z.enum(["true", "false"]) }),
  async ({ id, retired }, session) => {
    const db = await getDb();
    const ok = await setCustomExerciseRetired(db, { id, clinicId: session.clinicId, clinicianId: session.clinicianId }, retired === "true");
    if (!ok) throw new AppError("not_found");
    revalidatePath("/catalogue", "layout");
    return {
      ok: true,
      message: retired === "true" ? "Exercise retired. Programmes that use it still show it." : "Exercise restored to the catalogue.",
    };
  },
);
