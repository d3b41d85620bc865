import { errorResponse } from "@/lib/errors";
import { resolvePatientMedia } from "@/lib/links/access";
import { mediaResponse, notFound } from "@/lib/media/serve";

/** A photo or video of an exercise in this link's programme; every miss is the same 404. A GET writes nothing. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; mediaId: string; file: string }> }) {
  try {
    const { token, mediaId, file } = await params;
    const media = await resolvePatientMedia(token, mediaId);
    if (!media) return notFound();
    return await mediaResponse(request, media, file);
  } catch (error) {
    return errorResponse(error);
  }
}
