"use client";

import { useEffect, useRef, useState } from "react";
import { CheckIcon } from "@/components/patient/icons";
import type { LoggedExercise } from "@/db/schema";
import type { SessionLogPayload } from "@/lib/player/log-payload";
import { browserLogQueue } from "@/lib/player/log-queue";
import { PAIN_SCALE, SESSION_COMMENT_MAX, type Difficulty } from "@/lib/domain/exercise";
import { DIFFICULTY_LABELS } from "@/lib/domain/labels";

export type SessionLogFormProps = {
  /** Where the log is POSTed as JSON. */
  logUrl: string;
  programmeId: string;
  version: number;
  /** Made once per session; the same key on every retry makes the server keep one log. */
  idempotencyKey: string;
  startedAt: string | null;
  completedAt: string;
  exercises: (LoggedExercise & { name: string })[];
  patientFirstName: string;
  clinicianName: string;
  backHref: string;
  /** Called once the log is delivered or safely queued on the device. */
  onSent?: (outcome: "delivered" | "queued") => void;
};

const COMMENT_MAX = SESSION_COMMENT_MAX;
const PAIN = Array.from({ length: PAIN_SCALE.max - PAIN_SCALE.min + 1 }, (_, i) => PAIN_SCALE.min + i);
// The real radio covers its whole tile, invisible: the tile is the tap target and the native control keeps its keyboard and screen reader behaviour.
const RADIO = "absolute inset-0 size-full cursor-pointer appearance-none rounded-xl opacity-0";
const DIFFICULTIES = Object.entries(DIFFICULTY_LABELS) as [Difficulty, string][];

type Status = { kind: "idle" } | { kind: "sending" } | { kind: "delivered" } | { kind: "queued" } | { kind: "rejected"; message: string };

/** The end of a session: what was done, then pain, difficulty and a comment for the clinician. */
export function SessionLogForm(props: SessionLogFormProps) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [painMissing, setPainMissing] = useState(false);
  const [commentLength, setCommentLength] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const allDone = props.exercises.every((e) => !e.skipped && e.setsDone === e.setsPlanned);

  useEffect(() => {
    headingRef.current?.focus();
    // Also sends anything an earlier visit left waiting.
    return browserLogQueue().connect(window);
  }, []);
  useEffect(() => {
    if (status.kind === "delivered" || status.kind === "queued") doneRef.current?.focus();
  }, [status.kind]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status.kind === "sending") return;
    const form = new FormData(event.currentTarget);
    const pain = form.get("pain");
    if (pain === null) {
      setPainMissing(true);
      event.currentTarget.querySelector<HTMLInputElement>('input[name="pain"]')?.focus();
      return;
    }
    setPainMissing(false);
    const difficulty = form.get("difficulty");
    const payload: SessionLogPayload = {
      idempotencyKey: props.idempotencyKey,
      programmeId: props.programmeId,
      version: props.version,
      startedAt: props.startedAt,
      completedAt: props.completedAt,
      exercises: props.exercises.map(({ position, exerciseId, setsDone, setsPlanned, skipped }) => ({
        position,
        exerciseId,
        setsDone,
        setsPlanned,
        skipped,
      })),
      pain: Number(pain),
      difficulty: difficulty ? (difficulty as Difficulty) : null,
      comment: String(form.get("comment") ?? "").slice(0, COMMENT_MAX),
    };
    setStatus({ kind: "sending" });
    const outcome = await browserLogQueue().submit(props.logUrl, payload);
    if (outcome.status === "rejected") {
      setStatus({ kind: "rejected", message: outcome.message });
      return;
    }
    setStatus({ kind: outcome.status });
    props.onSent?.(outcome.status);
  }

  if (status.kind === "delivered" || status.kind === "queued") {
    return (
      <section aria-labelledby="log-sent" className="card mx-auto grid max-w-xl gap-4 p-6 text-center" role="status">
        <CheckIcon className="mx-auto size-14 rounded-full bg-ok-soft p-2 text-ok" />
        <h1 id="log-sent" ref={doneRef} tabIndex={-1} className="text-3xl font-bold">
          {status.kind === "delivered" ? `Thank you, ${props.patientFirstName}` : "Saved on this phone"}
        </h1>
        <p className="text-xl">
          {status.kind === "delivered"
            ? `${props.clinicianName} will see how your session went.`
            : `You seem to be offline. It will be sent to ${props.clinicianName} when you are back online. You can close this page.`}
        </p>
        <a href={props.backHref} className="btn-primary min-h-16 rounded-xl text-xl">
          Back to my plan
        </a>
      </section>
    );
  }

  const sending = status.kind === "sending";
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div>
        <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold tracking-tight sm:text-4xl">
          {allDone ? `Well done, ${props.patientFirstName}!` : "How did it go?"}
        </h1>
        <p className="mt-2 text-xl">Tell {props.clinicianName} how it went. It takes less than a minute.</p>
      </div>

      <section aria-labelledby="what-you-did" className="card p-5">
        <h2 id="what-you-did" className="text-xl font-bold">
          What you did
        </h2>
        <ul className="mt-2 divide-y divide-line" data-testid="session-summary">
          {props.exercises.map((e) => (
            <li key={e.position} className="flex items-center justify-between gap-3 py-2">
              <span>{e.name}</span>
              <span className={`shrink-0 font-bold ${e.skipped ? "text-muted" : e.setsDone === e.setsPlanned ? "text-ok" : "text-ink"}`}>
                {e.skipped && e.setsDone === 0
                  ? "Skipped"
                  : `${e.setsDone} of ${e.setsPlanned} ${e.setsPlanned === 1 ? "set" : "sets"}${e.skipped ? ", then skipped" : ""}`}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <form onSubmit={submit} noValidate className="grid gap-6" data-testid="session-log-form">
        <fieldset aria-describedby={`pain-help${painMissing ? " pain-error" : ""}`} className="card p-5">
          <legend className="float-left w-full text-xl font-bold">How bad is your pain now?</legend>
          <p id="pain-help" className="clear-left pt-1 text-muted">
            0 means no pain. 10 means the worst pain you can imagine.
          </p>
          {painMissing ? (
            <p id="pain-error" className="mt-2 font-bold text-danger">
              Choose a number from 0 to 10 for your pain.
            </p>
          ) : null}
          <div className="mt-3 grid grid-cols-6 gap-2 sm:grid-cols-11">
            {PAIN.map((n) => (
              <label
                key={n}
                className="relative flex min-h-14 cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-line bg-surface text-2xl font-bold tabular-nums has-checked:border-brand-700 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500"
              >
                <input
                  type="radio"
                  name="pain"
                  value={n}
                  aria-label={n === 0 ? "0, no pain" : n === 10 ? "10, worst pain" : undefined}
                  className={RADIO}
                  onChange={() => setPainMissing(false)}
                />
                {n}
              </label>
            ))}
          </div>
          <div aria-hidden="true" className="mt-2 flex justify-between font-bold text-muted">
            <span>0 = No pain</span>
            <span>10 = Worst pain</span>
          </div>
        </fieldset>

        <fieldset className="card p-5">
          <legend className="float-left w-full text-xl font-bold">How hard did the exercises feel?</legend>
          <div className="clear-left grid gap-2 pt-3 sm:grid-cols-3">
            {DIFFICULTIES.map(([value, words]) => (
              <label
                key={value}
                className="relative flex min-h-14 cursor-pointer items-center justify-center rounded-xl border-2 border-line bg-surface px-4 text-xl font-bold has-checked:border-brand-700 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500"
              >
                <input type="radio" name="difficulty" value={value} className={RADIO} />
                {words}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="card p-5">
          <label htmlFor="log-comment" className="block text-xl font-bold">
            Anything you want to tell {props.clinicianName}? <span className="font-normal text-muted">(optional)</span>
          </label>
          <textarea
            id="log-comment"
            name="comment"
            rows={4}
            maxLength={COMMENT_MAX}
            onChange={(e) => setCommentLength(e.target.value.length)}
            aria-describedby="log-comment-count"
            className="input mt-2 text-lg"
          />
          <p id="log-comment-count" className="mt-1 text-muted" aria-live={COMMENT_MAX - commentLength <= 100 ? "polite" : "off"}>
            {COMMENT_MAX - commentLength} characters left
          </p>
        </div>

        {status.kind === "rejected" ? (
          <p role="alert" className="rounded-xl border border-danger/30 bg-danger-soft p-4 font-bold text-danger">
            {status.message}
          </p>
        ) : null}

        <button type="submit" disabled={sending} className="btn-primary min-h-16 w-full rounded-xl text-2xl">
          {sending ? "Sending…" : "Send"}
        </button>
      </form>
    </div>
  );
}
