import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { env } from "@/lib/env";
import { resolvePatientLink } from "@/lib/links/access";
import { programmeCalendar } from "@/lib/patient/calendar";
import { loadProgrammeView } from "@/lib/patient/programme-view";
import { effectiveTimeZone, wallClock } from "@/lib/time/zone";

async function handle(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolvePatientLink(token);
  const db = await getDb();
  const programme = link ? await loadProgrammeView(db, { clinicId: link.clinicId, programmeId: link.programmeId }) : null;
  if (!link || !programme) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  // The patient's zone (else the clinic's): their phone shows 08:00 where they live.
  const timeZone = effectiveTimeZone(link.patientZone, link.clinicZone);
  const body = programmeCalendar(programme, `${env().APP_URL}/p/${token}`, wallClock(new Date(), timeZone).date, timeZone);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="home-exercises.ics"',
      "Cache-Control": "no-store",
    },
  });
}

/** A database that is away answers 503 with Retry-After (the player's queue waits and resends), never a bare 500. */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    return await handle(request, context);
  } catch (error) {
    return errorResponse(error);
  }
}
