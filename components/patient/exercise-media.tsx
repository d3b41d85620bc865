import { PHOTO_WIDTHS } from "@/lib/domain/media";
import type { ExerciseMediaView } from "@/lib/programme/view";

/*
 * The clinic's own photo or video of an exercise, in place of the drawing. `base` is the
 * address the files are served under (the patient link's media route, or the clinic's);
 * every file there checks the link or the session again. Server components.
 */

const srcSet = (base: string, id: string, format: "webp" | "jpg") =>
  PHOTO_WIDTHS.map((w) => `${base}/${id}/w${w}.${format} ${w}w`).join(", ");

function MediaPhoto({
  base,
  photo,
  sizes = "(min-width: 640px) 40vw, 100vw",
  className = "",
}: {
  base: string;
  photo: ExerciseMediaView["photos"][number];
  sizes?: string;
  className?: string;
}) {
  return (
    <picture>
      <source type="image/webp" srcSet={srcSet(base, photo.id, "webp")} sizes={sizes} />
      <img
        src={`${base}/${photo.id}/w960.jpg`}
        srcSet={srcSet(base, photo.id, "jpg")}
        sizes={sizes}
        alt={photo.altText}
        width={photo.width || undefined}
        height={photo.height || undefined}
        loading="lazy"
        decoding="async"
        className={`size-full object-contain ${className}`}
      />
    </picture>
  );
}

/**
 * A short film, muted and looping like the drawings, with the controls to pause and seek
 * (the file is served in ranges). The first photo is its poster; without one, the first
 * frame shows once its header has loaded.
 */
function MediaVideo({ base, media, autoPlay = false }: { base: string; media: ExerciseMediaView; autoPlay?: boolean }) {
  const video = media.video!;
  const poster = media.photos[0];
  return (
    <video
      src={`${base}/${video.id}/video`}
      poster={poster ? `${base}/${poster.id}/w960.jpg` : undefined}
      aria-label={video.altText}
      muted
      loop
      controls
      playsInline
      autoPlay={autoPlay}
      preload="metadata"
      className="size-full bg-ink object-contain"
      data-testid="exercise-video"
    />
  );
}

/** What fills the figure slot: the video, else the first photo, else nothing (the caller draws the figure). */
export function exerciseMedia(
  media: ExerciseMediaView | undefined,
  base: string,
  options: { autoPlay?: boolean } = {},
): React.ReactNode | null {
  if (media?.video) return <MediaVideo base={base} media={media} autoPlay={options.autoPlay} />;
  const photo = media?.photos[0];
  return photo ? <MediaPhoto base={base} photo={photo} /> : null;
}
