import { getDb } from "@/db/client";
import { searchExercises } from "@/db/queries/exercises";
import { authorizeClinician } from "@/lib/auth/dal";
import { errorResponse } from "@/lib/errors";
import { catalogueFiltersSchema } from "@/lib/validations/catalogue";

export const dynamic = "force-dynamic";

/** Search-as-you-type for the programme builder. */
export async function GET(request: Request) {
  try {
    const session = await authorizeClinician();
    const filters = catalogueFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const results = await searchExercises(await getDb(), { clinicId: session.clinicId, filters, limit: 20 });
    return Response.json({ results }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
