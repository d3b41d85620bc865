"use client";

import { PHOTO_WIDTHS } from "@/lib/domain/media";
import type { ExerciseMediaView } from "@/lib/programme/view";
import { useMediaBase } from "./media-base";

/*
 * The clinic's own photo or video of an exercise, in place of the drawing, under the
 * address the page's <MediaBase> gives (the patient link's media route); every file there
 * checks the link again. Client components only so that the address is not part of the
 * cached drawing: they render on the server like the rest, with no state of their own.
 */

const srcSet = (base: string, id: string, format: "webp" | "jpg") =>
  PHOTO_WIDTHS.map((w) => `${base}/${id}/w${w}.${format} ${w}w`).join(", ");

export function MediaPhoto({
  photo,
  sizes = "(min-width: 640px) 40vw, 100vw",
  className = "",
}: {
  photo: ExerciseMediaView["photos"][number];
  sizes?: string;
  className?: string;
}) {
  const base = useMediaBase();
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
export function MediaVideo({ media, autoPlay = false }: { media: ExerciseMediaView; autoPlay?: boolean }) {
  const base = useMediaBase();
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
