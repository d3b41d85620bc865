import { authorizeClinicMedia } from "@/lib/auth/dal";
import { errorResponse } from "@/lib/errors";
import { mediaResponse } from "@/lib/media/serve";

/** A clinic's photo or video, for its own clinicians (with ranges, for seeking). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; mediaId: string; file: string }> }) {
  try {
    const { id, mediaId, file } = await params;
    const { media } = await authorizeClinicMedia(id, mediaId);
    return await mediaResponse(request, media, file);
  } catch (error) {
    return errorResponse(error);
  }
}
