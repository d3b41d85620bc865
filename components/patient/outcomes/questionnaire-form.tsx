"use client";

import { useEffect, useRef, useState } from "react";
import { CheckIcon } from "@/components/patient/icons";
import { OUTCOME_LIMITS } from "@/lib/domain/outcomes";
import type { AnswerPayload } from "@/lib/outcomes/answer-payload";
import type { Answer, MeasureDefinition, MeasureItem } from "@/lib/outcomes/measure";
import { browserAnswerQueue } from "@/lib/player/log-queue";

export type QuestionnaireFormProps = {
  answerUrl: string;
  programmeId: string;
  version: number;
  measures: MeasureDefinition[];
  /** One per measure, made on the server for this visit: a resend stores one response. */
  keys: Record<string, string>;
  /** The activities named in the last PSFS, rated again. */
  activities: string[];
  clinicianFirstName: string;
  backHref: string;
};

// The real radio covers its whole tile, invisible: the tile is the tap target and the native control keeps its keyboard and screen reader behaviour.
const RADIO = "absolute inset-0 size-full cursor-pointer appearance-none rounded-xl opacity-0";
const TILE =
  "relative flex min-h-14 cursor-pointer items-center justify-center rounded-xl border-2 border-line bg-surface px-3 text-xl font-bold has-checked:border-brand-700 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500";

type Status = { kind: "idle" } | { kind: "sending" } | { kind: "delivered" } | { kind: "queued" } | { kind: "error"; message: string };

/** The patient's questions: one tap per answer, sent like a session log (kept on the phone until the server has it). */
export function QuestionnaireForm(props: QuestionnaireFormProps) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => browserAnswerQueue().connect(window), []);
  useEffect(() => {
    if (status.kind === "delivered" || status.kind === "queued") doneRef.current?.focus();
  }, [status.kind]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status.kind === "sending") return;
    const form = new FormData(event.currentTarget);
    const answeredAt = new Date().toISOString();
    const payloads: AnswerPayload[] = [];
    for (const measure of props.measures) {
      const answers = collect(measure, form);
      if (typeof answers === "string") return setStatus({ kind: "error", message: answers });
      payloads.push({
        idempotencyKey: props.keys[measure.key]!,
        programmeId: props.programmeId,
        version: props.version,
        measure: measure.key,
        answeredAt,
        answers,
      });
    }
    setStatus({ kind: "sending" });
    let queued = false;
    for (const payload of payloads) {
      const outcome = await browserAnswerQueue().submit(props.answerUrl, payload);
      if (outcome.status === "rejected")
        return setStatus({ kind: "error", message: "Your answers could not be sent. Please try again, or tell your clinic." });
      queued ||= outcome.status === "queued";
    }
    setStatus({ kind: queued ? "queued" : "delivered" });
  }

  if (status.kind === "delivered" || status.kind === "queued") {
    return (
      <section aria-labelledby="answers-sent" className="card mx-auto grid max-w-xl gap-4 p-6 text-center" role="status">
        <CheckIcon className="mx-auto size-14 rounded-full bg-ok-soft p-2 text-ok" />
        <h2 id="answers-sent" ref={doneRef} tabIndex={-1} className="text-3xl font-bold">
          {status.kind === "delivered" ? "Thank you" : "Saved on this phone"}
        </h2>
        <p className="text-xl">
          {status.kind === "delivered"
            ? `${props.clinicianFirstName} will see your answers.`
            : `You seem to be offline. Your answers will be sent to ${props.clinicianFirstName} when you are back online.`}
        </p>
        <a href={props.backHref} className="btn-primary min-h-16 rounded-xl text-xl">
          Back to my plan
        </a>
      </section>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-6" data-testid="questionnaire-form">
      {props.measures.map((measure) => (
        <section key={measure.key} aria-labelledby={`m-${measure.key}`} className="card grid gap-4 p-5">
          <div>
            <h2 id={`m-${measure.key}`} className="text-2xl font-bold">
              {measure.patientTitle}
            </h2>
            {measure.intro ? <p className="mt-1 text-muted">{measure.intro}</p> : null}
          </div>
          {measure.key === "psfs" ? <Activities named={props.activities} /> : <Items items={measure.items} prefix={measure.key} />}
        </section>
      ))}
      {status.kind === "error" ? (
        <p role="alert" className="rounded-xl border border-danger/30 bg-danger-soft p-4 font-bold text-danger">
          {status.message}
        </p>
      ) : null}
      <button type="submit" disabled={status.kind === "sending"} className="btn-primary min-h-16 w-full rounded-xl text-2xl">
        {status.kind === "sending" ? "Sending…" : "Send answers"}
      </button>
    </form>
  );
}

/** Reads one measure's answers from the form, or says in plain words what is missing. */
function collect(measure: MeasureDefinition, form: FormData): Answer[] | string {
  const answers: Answer[] = [];
  if (measure.key === "psfs") {
    for (let i = 1; i <= OUTCOME_LIMITS.activities.max; i++) {
      const label = String(form.get(`psfs-name-${i}`) ?? "").trim();
      const rating = form.get(`psfs-rating-${i}`);
      if (!label && rating === null) continue;
      if (!label) return `Write the name of activity ${i}, or leave its rating empty.`;
      if (rating === null) return `Tap how well you can do "${label}".`;
      answers.push({ linkId: `activity-${i}`, value: Number(rating), label: label.slice(0, OUTCOME_LIMITS.activityName.max) });
    }
    return answers.length > 0 ? answers : "Name at least one activity and rate it.";
  }
  const walk = (items: MeasureItem[]) => {
    for (const item of items) {
      if (item.type === "group") walk(item.items);
      if (item.type === "display" || item.type === "group") continue;
      const raw = form.get(`${measure.key}-${item.linkId}`);
      if (raw === null || raw === "") continue;
      const text = String(raw);
      answers.push({ linkId: item.linkId, value: item.type === "choice" || item.type === "string" ? text : Number(text) });
    }
  };
  walk(measure.items);
  return answers.length > 0 ? answers : `Answer at least one question in "${measure.patientTitle}".`;
}

function Scale({
  name,
  min,
  max,
  label,
  lowWords,
  highWords,
}: {
  name: string;
  min: number;
  max: number;
  label: string;
  lowWords: string;
  highWords: string;
}) {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset>
      <legend className="float-left w-full text-xl font-bold">{label}</legend>
      <div className="clear-left grid grid-cols-6 gap-2 pt-3 sm:grid-cols-11">
        {values.map((n) => (
          <label key={n} className={`${TILE} tabular-nums`}>
            <input
              type="radio"
              name={name}
              value={n}
              className={RADIO}
              aria-label={n === min ? `${n}, ${lowWords}` : n === max ? `${n}, ${highWords}` : undefined}
            />
            {n}
          </label>
        ))}
      </div>
      <div aria-hidden="true" className="mt-2 flex justify-between gap-4 text-base font-bold text-muted">
        <span>
          {min} = {lowWords}
        </span>
        <span className="text-right">
          {max} = {highWords}
        </span>
      </div>
    </fieldset>
  );
}

function Activities({ named }: { named: string[] }) {
  const [rows, setRows] = useState(Math.max(1, named.length));
  return (
    <div className="grid gap-6">
      {Array.from({ length: rows }, (_, index) => {
        const i = index + 1;
        const known = named[index];
        return (
          <div key={i} className="grid gap-2 border-t border-line pt-4 first:border-t-0 first:pt-0">
            {known ? (
              <input type="hidden" name={`psfs-name-${i}`} value={known} />
            ) : (
              <div>
                <label htmlFor={`psfs-name-${i}`} className="block text-lg font-bold">
                  Activity {i}
                </label>
                <input
                  id={`psfs-name-${i}`}
                  name={`psfs-name-${i}`}
                  className="input mt-1 text-lg"
                  maxLength={OUTCOME_LIMITS.activityName.max}
                  placeholder="For example: climbing stairs"
                  autoComplete="off"
                />
              </div>
            )}
            <Scale
              name={`psfs-rating-${i}`}
              min={0}
              max={10}
              label={known ? `How well can you do this: ${known}?` : `How well can you do activity ${i}?`}
              lowWords="cannot do it"
              highWords="as well as before"
            />
          </div>
        );
      })}
      {rows < OUTCOME_LIMITS.activities.max && named.length === 0 ? (
        <button type="button" className="btn-secondary min-h-12 justify-self-start" onClick={() => setRows(rows + 1)}>
          Add another activity
        </button>
      ) : null}
    </div>
  );
}

function Items({ items, prefix }: { items: MeasureItem[]; prefix: string }) {
  return (
    <div className="grid gap-5">
      {items.map((item) => {
        const name = `${prefix}-${item.linkId}`;
        switch (item.type) {
          case "display":
            return <p key={item.linkId}>{item.text}</p>;
          case "group":
            return (
              <fieldset key={item.linkId} className="grid gap-4">
                <legend className="text-xl font-bold">{item.text}</legend>
                <Items items={item.items} prefix={prefix} />
              </fieldset>
            );
          case "choice":
            return (
              <fieldset key={item.linkId}>
                <legend className="float-left w-full text-xl font-bold">{item.text}</legend>
                <div className="clear-left grid gap-2 pt-3">
                  {item.options.map((o) => (
                    <label key={o.code} className={`${TILE} justify-start text-left text-lg`}>
                      <input type="radio" name={name} value={o.code} className={RADIO} />
                      {o.display}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          case "string":
            return (
              <div key={item.linkId}>
                <label htmlFor={name} className="block text-xl font-bold">
                  {item.text} <span className="font-normal text-muted">(optional)</span>
                </label>
                <textarea id={name} name={name} rows={3} maxLength={OUTCOME_LIMITS.stringAnswer.max} className="input mt-2 text-lg" />
              </div>
            );
          case "activity":
            return null;
          default:
            // A small whole-number scale is tapped; anything else is typed.
            if (item.type === "integer" && item.min !== null && item.max !== null && item.max - item.min <= 10) {
              return (
                <Scale
                  key={item.linkId}
                  name={name}
                  min={item.min}
                  max={item.max}
                  label={item.text}
                  lowWords={item.anchors?.[0] ?? "lowest"}
                  highWords={item.anchors?.[1] ?? "highest"}
                />
              );
            }
            return (
              <div key={item.linkId}>
                <label htmlFor={name} className="block text-xl font-bold">
                  {item.text}
                </label>
                <input
                  id={name}
                  name={name}
                  type="number"
                  inputMode={item.type === "integer" ? "numeric" : "decimal"}
                  step={item.type === "integer" ? 1 : "any"}
                  min={item.min ?? undefined}
                  max={item.max ?? undefined}
                  className="input mt-2 w-40 text-lg"
                />
              </div>
            );
        }
      })}
    </div>
  );
}
