import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { env } from "@/lib/env";
import { printedShortAddress } from "@/lib/links/printed-address";
import { resolvePatientLink } from "@/lib/links/access";
import { pdfResponse, programmeHandout } from "@/lib/pdf/programme-handout";

/** The patient's own printable sheet. A GET of a live link writes nothing: a stored sheet is read, a fresh render is not stored. */
async function handle(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolvePatientLink(token);
  const db = await getDb();
  const shortUrl = link ? await printedShortAddress(db, { id: link.linkId, clinicId: link.clinicId, token }) : undefined;
  const handout = link
    ? await programmeHandout(db, {
        clinicId: link.clinicId,
        programmeId: link.programmeId,
        link: { id: link.linkId, token, shortUrl },
        appUrl: env().APP_URL,
        readOnly: true,
      })
    : null;
  if (!handout) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return pdfResponse(handout);
}

/** A database that is away answers 503 with Retry-After (the player's queue waits and resends), never a bare 500. */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    return await handle(request, context);
  } catch (error) {
    return errorResponse(error);
  }
}
