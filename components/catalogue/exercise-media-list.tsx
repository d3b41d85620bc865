import { ToggleActionButton } from "@/components/ui/toggle-action-button";
import type { MediaSummary } from "@/db/queries/media";
import type { FormState } from "@/lib/actions";

const seconds = (ms: number | null) => `${Math.round((ms ?? 0) / 1000)} s`;

/** The clinic's photos and video of an exercise, as its clinicians see them, each with a way to remove it. */
export function ExerciseMediaList({
  media,
  base,
  removeAction,
}: {
  media: MediaSummary[];
  base: string;
  removeAction: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  if (media.length === 0) return <p className="text-muted">No photos or video yet: patients see the drawing (or a plain frame).</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {media.map((m) => (
        <li key={m.id} className="overflow-hidden rounded-xl border border-line">
          <div className="aspect-[4/3] bg-canvas">
            {m.kind === "photo" ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by the session-checked media route, already resized
              <img src={`${base}/${m.id}/w480.jpg`} alt={m.altText} className="size-full object-contain" loading="lazy" />
            ) : (
              <video
                src={`${base}/${m.id}/video`}
                aria-label={m.altText}
                muted
                loop
                playsInline
                controls
                preload="metadata"
                className="size-full bg-ink object-contain"
              />
            )}
          </div>
          <div className="flex items-start justify-between gap-3 p-3">
            <p className="text-sm">
              <span className="font-bold">{m.kind === "photo" ? "Photo" : `Video, ${seconds(m.durationMs)}`}</span>
              <span className="block text-muted">{m.altText}</span>
            </p>
            <ToggleActionButton action={removeAction} fields={{ id: m.id }} label="Remove" danger />
          </div>
        </li>
      ))}
    </ul>
  );
}
