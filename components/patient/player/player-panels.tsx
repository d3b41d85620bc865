import { CautionList, NumberedSteps, TipList } from "@/components/patient/exercise-instructions";
import { AdviceItem } from "@/components/patient/safety-advice";
import { SoundIcon, VibrateIcon } from "@/components/patient/icons";
import type { ProgrammeExerciseView, SafetyAdvice } from "@/lib/programme/view";

/* The player's secondary screens and disclosures. Presentational: the player owns the state. */

export function RestorePanel({
  exerciseName,
  where,
  onContinue,
  onRestart,
  finished,
}: {
  exerciseName: string;
  where: string;
  finished: boolean;
  onContinue: () => void;
  onRestart: () => void;
}) {
  return (
    <section aria-labelledby="restore-heading" className="card mx-auto grid max-w-xl gap-4 p-6 text-center">
      <h1 id="restore-heading" className="text-3xl font-bold">
        Welcome back
      </h1>
      <p className="text-xl">
        {finished ? (
          <>You finished a session but have not sent how it went yet.</>
        ) : (
          <>
            You were on <strong>{exerciseName}</strong>, {where}.
          </>
        )}
      </p>
      <button type="button" onClick={onContinue} className="btn-primary min-h-16 rounded-xl text-xl">
        Continue where you left off
      </button>
      <button type="button" onClick={onRestart} className="btn-secondary min-h-14 rounded-xl text-lg">
        Start again
      </button>
    </section>
  );
}

export function ConfirmFinishPanel({
  done,
  total,
  headingRef,
  onFinish,
  onKeepGoing,
}: {
  done: number;
  total: number;
  headingRef: React.Ref<HTMLHeadingElement>;
  onFinish: () => void;
  onKeepGoing: () => void;
}) {
  return (
    <section aria-labelledby="finish-heading" className="card mx-auto grid max-w-xl gap-4 p-6 text-center">
      <h1 id="finish-heading" ref={headingRef} tabIndex={-1} className="text-3xl font-bold">
        Finish the session now?
      </h1>
      <p className="text-xl">
        You have done {done} of {total} {total === 1 ? "exercise" : "exercises"}. On the next screen you can say how it went.
      </p>
      <button type="button" onClick={onFinish} className="btn-primary min-h-16 rounded-xl text-xl">
        Yes, finish now
      </button>
      <button type="button" onClick={onKeepGoing} className="btn-secondary min-h-14 rounded-xl text-lg">
        Keep going
      </button>
    </section>
  );
}

export function HowToDoIt({ item }: { item: ProgrammeExerciseView }) {
  return (
    <details className="card group">
      <summary className="flex min-h-14 cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-5 text-xl font-bold [&::-webkit-details-marker]:hidden">
        How to do it
        <span aria-hidden="true" className="text-2xl text-brand-700 transition-transform group-open:rotate-45">
          +
        </span>
      </summary>
      <div className="grid gap-4 border-t border-line px-5 pb-5 pt-4">
        <NumberedSteps steps={item.steps} />
        {item.cues.length > 0 ? (
          <div>
            <h2 className="font-bold">Tips</h2>
            <div className="mt-1">
              <TipList cues={item.cues} />
            </div>
          </div>
        ) : null}
        {item.cautions.length > 0 ? (
          <div className="rounded-lg bg-warn-soft p-3 text-warn">
            <h2 className="font-bold">Take care</h2>
            <div className="mt-1">
              <CautionList cautions={item.cautions} />
            </div>
          </div>
        ) : null}
        {item.dosage.note ? (
          <p className="rounded-lg bg-brand-50 p-3 text-brand-800">
            <strong>Note:</strong> {item.dosage.note}
          </p>
        ) : null}
      </div>
    </details>
  );
}

export function SafetyDetails({ advice }: { advice: SafetyAdvice[] }) {
  if (advice.length === 0) return null;
  return (
    <details className="card group">
      <summary className="flex min-h-14 cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-5 text-xl font-bold [&::-webkit-details-marker]:hidden">
        Safety advice
        <span aria-hidden="true" className="text-2xl text-brand-700 transition-transform group-open:rotate-45">
          +
        </span>
      </summary>
      <ul className="divide-y divide-line overflow-hidden rounded-b-xl border-t border-line">
        {advice.map((a) => (
          <AdviceItem key={a.id} advice={a} heading="h2" />
        ))}
      </ul>
    </details>
  );
}

export function CueSettings({
  sound,
  vibrate,
  canVibrate,
  onSound,
  onVibrate,
}: {
  sound: boolean;
  vibrate: boolean;
  canVibrate: boolean;
  onSound: (on: boolean) => void;
  onVibrate: (on: boolean) => void;
}) {
  const toggle =
    "btn-secondary min-h-12 flex-1 basis-36 rounded-xl aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-800";
  return (
    <div role="group" aria-label="Sound and vibration" className="flex flex-wrap gap-3">
      <button type="button" aria-pressed={sound} onClick={() => onSound(!sound)} className={toggle}>
        <SoundIcon on={sound} className="size-6" />
        Sound
        <OnOff on={sound} />
      </button>
      {canVibrate ? (
        <button type="button" aria-pressed={vibrate} onClick={() => onVibrate(!vibrate)} className={toggle}>
          <VibrateIcon on={vibrate} className="size-6" />
          Vibration
          <OnOff on={vibrate} />
        </button>
      ) : null}
    </div>
  );
}

/** Seen state for the toggles; screen readers get it from aria-pressed instead. */
function OnOff({ on }: { on: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`rounded-full px-2 text-base ${on ? "bg-brand-600 text-white" : "bg-canvas text-muted ring-1 ring-line"}`}
    >
      {on ? "On" : "Off"}
    </span>
  );
}
