import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { authorizeOwnExercise } from "@/lib/auth/dal";
import { errorResponse } from "@/lib/errors";
import { MediaRefusal } from "@/lib/media/refusal";
import { readUpload, storeUpload, uploadDetailsSchema } from "@/lib/media/upload";
import { sameOrigin } from "@/lib/request";

/**
 * A photo or video for one of the clinic's own exercises, sent as the request body (not a
 * form, so it streams past the server-action size limit and stops at the media limit).
 * The description comes percent-encoded in X-Alt-Text; X-Shows-Patient names the patient
 * filmed, if one was. Answers JSON either way.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    // The custom X-Alt-Text header already makes a cross-site post fail its preflight; a
    // foreign Origin is refused here as well, before anything is read.
    if (!sameOrigin(request))
      return Response.json(
        { ok: false, message: "Upload from Homeplan's own page." },
        { status: 403, headers: { "Cache-Control": "no-store" } },
      );
    const { id } = await params;
    const session = await authorizeOwnExercise(id);
    const details = uploadDetailsSchema.safeParse({
      altText: decodeHeader(request.headers.get("x-alt-text")),
      patientId: request.headers.get("x-shows-patient") || undefined,
    });
    if (!details.success) throw new MediaRefusal(details.error.issues[0]?.message ?? "Describe what the photo or video shows.", 400);
    const bytes = await readUpload(request);
    const uploaded = await storeUpload(
      await getDb(),
      { clinicId: session.clinicId, clinicianId: session.clinicianId },
      { exerciseId: id, ...details.data, bytes },
    );
    revalidatePath(`/catalogue/${id}`);
    return Response.json({ ok: true, ...uploaded }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof MediaRefusal)
      return Response.json({ ok: false, message: error.message }, { status: error.status, headers: { "Cache-Control": "no-store" } });
    return errorResponse(error);
  }
}

function decodeHeader(value: string | null): string {
  try {
    return decodeURIComponent(value ?? "");
  } catch {
    return "";
  }
}
