"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { revokeApiKey } from "@/db/queries/api-keys";
import { createApiKey } from "@/lib/auth/api-keys";
import { clinicianAction, failure } from "@/lib/actions";
import { clientIp } from "@/lib/request";

const actorOf = async (session: { clinicId: string; clinicianId: string }) => ({ ...session, ip: clientIp(await headers()) });

/** The key is in the answer once, to be copied; it cannot be shown again. */
export const createApiKeyAction = clinicianAction(
  z.object({
    name: z.string().trim().min(1, "Name the key after the system that will use it.").max(80, "Keep the name under 80 characters."),
  }),
  async ({ name }, session) => {
    const { key } = await createApiKey(await getDb(), await actorOf(session), name);
    revalidatePath("/settings");
    return { ok: true, message: `Key "${name}" created. Copy it now: it will not be shown again.`, values: { apiKey: key } };
  },
  { owner: true },
);

export const revokeApiKeyAction = clinicianAction(
  z.object({ id: z.uuid() }),
  async ({ id }, session, formData) => {
    if (!(await revokeApiKey(await getDb(), await actorOf(session), id))) return failure(formData, "That key was already revoked.");
    revalidatePath("/settings");
    return { ok: true, message: "Key revoked. Requests with it are refused from now on." };
  },
  { owner: true },
);
