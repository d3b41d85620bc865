"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { MEDIA_LIMITS, megabytes } from "@/lib/domain/media";
import { PatientPicker, type PickedPatient } from "./patient-picker";

type Status =
  { kind: "idle" } | { kind: "sending"; percent: number } | { kind: "error"; message: string } | { kind: "done"; message: string };

/**
 * Adds a photo or a short video to one of the clinic's exercises: from the phone's camera
 * (capture) or a file (picked or dropped), shown before it is sent, with a description
 * required and the upload's progress. The server checks everything again from the
 * file's own bytes; the checks here only save a wasted upload.
 */
export function MediaUpload({ uploadUrl, patientSearchUrl }: { uploadUrl: string; patientSearchUrl: string }) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [altText, setAltText] = useState("");
  const [shows, setShows] = useState<PickedPatient | null | "nobody">("nobody");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const request = useRef<XMLHttpRequest | null>(null);

  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);
  useEffect(() => () => request.current?.abort(), []);

  function choose(next: File | undefined) {
    if (!next) return;
    const video = next.type.startsWith("video/");
    const limit = video ? MEDIA_LIMITS.videoBytes : MEDIA_LIMITS.photoBytes;
    if (!video && !next.type.startsWith("image/"))
      return setStatus({ kind: "error", message: "Choose a photo (JPEG, PNG or WebP) or a video (MP4 or WebM)." });
    if (next.size > limit)
      return setStatus({ kind: "error", message: `This ${video ? "video" : "photo"} is larger than ${megabytes(limit)}.` });
    setFile(next);
    setPreview(URL.createObjectURL(next));
    setStatus({ kind: "idle" });
  }

  function send(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setStatus({ kind: "error", message: "Choose a photo or video first." });
    if (altText.trim().length < MEDIA_LIMITS.altText.min)
      return setStatus({ kind: "error", message: "Describe what the photo or video shows." });
    if (shows === null) return setStatus({ kind: "error", message: "Choose the patient from the list, or say nobody is recognisable." });
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", uploadUrl);
    xhr.setRequestHeader("x-alt-text", encodeURIComponent(altText.trim()));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    if (shows !== "nobody") xhr.setRequestHeader("x-shows-patient", shows.id);
    xhr.upload.onprogress = (e) => e.lengthComputable && setStatus({ kind: "sending", percent: Math.round((e.loaded / e.total) * 100) });
    xhr.onerror = () =>
      setStatus({ kind: "error", message: "The upload was interrupted and nothing was kept. Check the connection and try again." });
    xhr.onload = () => {
      let message = "Something went wrong on our side. Nothing was kept; please try again.";
      try {
        message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
      } catch {}
      if (xhr.status === 201) {
        setFile(null);
        setPreview(null);
        setAltText("");
        setShows("nobody");
        setStatus({ kind: "done", message: "Added. Patients see it on their page and in the player." });
        router.refresh();
      } else setStatus({ kind: "error", message });
    };
    setStatus({ kind: "sending", percent: 0 });
    xhr.send(file);
  }

  const sending = status.kind === "sending";
  return (
    <form onSubmit={send} className="grid gap-4" aria-describedby={`${id}-rules`}>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0]);
        }}
        className={`grid place-items-center gap-3 rounded-xl border-2 border-dashed p-5 text-center ${dragging ? "border-brand-500 bg-brand-50" : "border-line"}`}
        data-testid="media-drop"
      >
        {preview && file ? (
          file.type.startsWith("video/") ? (
            <video
              src={preview}
              muted
              loop
              playsInline
              controls
              className="max-h-56 rounded-lg bg-ink"
              aria-label="Preview of the chosen video"
            />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- a local preview of the chosen file, not a served image
            <img src={preview} alt="Preview of the chosen photo" className="max-h-56 rounded-lg object-contain" />
          )
        ) : (
          <p className="text-muted">Drop a photo or video here, or:</p>
        )}
        <div className="flex flex-wrap justify-center gap-2">
          <label className="btn-secondary cursor-pointer">
            Take a photo or video
            <input
              type="file"
              accept="image/*,video/*"
              capture="environment"
              className="sr-only"
              onChange={(e) => choose(e.target.files?.[0])}
              disabled={sending}
            />
          </label>
          <label className="btn-secondary cursor-pointer">
            Choose a file
            <input
              type="file"
              accept="image/*,video/*"
              className="sr-only"
              onChange={(e) => choose(e.target.files?.[0])}
              disabled={sending}
              data-testid="media-file"
            />
          </label>
        </div>
        <p id={`${id}-rules`} className="text-sm text-muted">
          Photos up to {megabytes(MEDIA_LIMITS.photoBytes)}; one video per exercise, MP4 or WebM, up to {megabytes(MEDIA_LIMITS.videoBytes)}{" "}
          and {MEDIA_LIMITS.videoSeconds} seconds. Location and camera details are removed from photos.
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-alt`} className="label">
          What it shows
        </label>
        <input
          id={`${id}-alt`}
          className="input"
          value={altText}
          maxLength={MEDIA_LIMITS.altText.max}
          onChange={(e) => setAltText(e.target.value)}
          placeholder="For example: standing with hands on the wall, elbows bent"
          required
        />
        <p className="mt-1 text-sm text-muted">Read aloud to patients who use a screen reader.</p>
      </div>
      <PatientPicker searchUrl={patientSearchUrl} picked={shows} onPick={setShows} disabled={sending} />
      {sending ? (
        <div>
          <progress max={100} value={status.percent} className="h-3 w-full accent-brand-600" aria-label="Upload progress" />
          <p className="mt-1 text-sm text-muted">Sending… {status.percent}%</p>
        </div>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        data-testid="media-status"
        className={`font-bold ${status.kind === "error" ? "text-danger" : "text-ok"}`}
      >
        {status.kind === "error" || status.kind === "done" ? status.message : ""}
      </p>
      <div>
        <button type="submit" className="btn-primary" disabled={sending || !file}>
          {sending ? "Sending…" : "Add to exercise"}
        </button>
      </div>
    </form>
  );
}
