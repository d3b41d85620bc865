"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { FigureBeatContext } from "@/components/illustration/figure-beat";
import { FigureFrame } from "@/components/patient/figure-frame";
import type { Stance } from "@/lib/illustration/animation";
import { ChevronLeftIcon, ChevronRightIcon, CheckIcon, PauseIcon, PlayIcon, SkipIcon } from "@/components/patient/icons";
import { SafetyLine } from "@/components/patient/safety-advice";
import { canVibrate, playCue, unlockAudio, vibrateCue, type Cue } from "@/lib/player/cues";
import {
  completeSet,
  finish,
  nextExercise,
  pause,
  planFromProgramme,
  previousExercise,
  primaryAction,
  primaryKind,
  restoreSession,
  resume,
  secondsLeft,
  serialiseSession,
  sessionProgress,
  skipExercise,
  skipRest,
  startSession,
  storageKey,
  summarise,
  tick,
  timeLeftMs,
  type PlanExercise,
  type SessionState,
} from "@/lib/player/machine";
import { makeSessionId } from "@/lib/player/session-id";
import type { ProgrammeView, SafetyAdvice } from "@/lib/programme/view";
import { ConfirmFinishPanel, CueSettings, HowToDoIt, RestorePanel, SafetyDetails } from "./player-panels";
import { RepCounter, SessionBar, TimerDial } from "./player-stage";
import { SessionLogForm } from "./session-log-form";
import { describeStep, dialFor, placeWords, spokenStatus, stepText } from "@/lib/player/status-words";
import { useClock, useStoredFlag, useStoredString, useWakeLock, writeStored, writeStoredQuietly } from "./use-device";

export type SessionPlayerProps = {
  programme: ProgrammeView;
  /** Where the finished session is POSTed as JSON (see lib/player/log-payload.ts). */
  logUrl: string;
  /** The follow-along page: "Back to my plan". */
  backHref: string;
  /** safetyAdvice(), shown in a disclosure so it is there even offline. */
  safety?: SafetyAdvice[];
  /** Illustration per exercise, keyed by ProgrammeExerciseView.position. */
  figures?: Record<number, React.ReactNode>;
};

type Store = { session: SessionState | null; at: number };
type Action =
  | { type: "act"; run: (s: SessionState, now: number) => SessionState; now: number; plan: PlanExercise[]; newId: string }
  | { type: "restore"; session: SessionState; now: number };

// The session begins with the first tap, so its start time and id come from that moment.
function reducer(store: Store, action: Action): Store {
  if (action.type === "restore") return { session: action.session, at: action.now };
  const current = store.session ?? startSession(action.plan, { now: action.now, sessionId: action.newId });
  return { session: action.run(tick(current, action.now), action.now), at: action.now };
}

const noSubscribe = () => () => {};

/** The moving figure keeps time with the timer: out for a hold, back for relax and rest, free otherwise. */
function stanceFor(phase: SessionState["phase"]): Stance {
  if (phase === "hold") return "out";
  if (phase === "prepare" || phase === "rest") return "back";
  return "free";
}

export function SessionPlayer({ programme, logUrl, backHref, safety = [], figures = {} }: SessionPlayerProps) {
  const plan = useMemo(() => planFromProgramme(programme), [programme]);
  const preview = useMemo(() => startSession(plan, { now: 0, sessionId: "" }), [plan]);
  const key = storageKey(programme.programmeId, programme.version);
  const [store, dispatch] = useReducer(reducer, { session: null, at: 0 });
  const live = !!store.session && !store.session.paused && store.session.phase !== "finished";
  const clock = useClock(live ? 250 : null);
  const now = Math.max(clock, store.at);
  const session = useMemo(() => store.session && tick(store.session, now), [store.session, now]);
  const view = session ?? preview;
  // When the timers carry the session to its end on their own, commit it, so the clock and wake lock stop.
  const endedByClock = !!session && !!store.session && session.phase === "finished" && store.session.phase !== "finished";
  useEffect(() => {
    if (endedByClock && session) dispatch({ type: "restore", session, now: session.finishedAt ?? now });
  }, [endedByClock, session, now]);
  const item = programme.items[view.exercise];
  const ex = plan[view.exercise];
  const beatKey = `${view.exercise}|${view.side}|${view.set}|${view.rep}|${view.phase}`;
  const beat = useMemo(() => ({ stance: stanceFor(view.phase), key: beatKey, paused: view.paused }), [view.phase, beatKey, view.paused]);

  const act = useCallback(
    (run: (s: SessionState, now: number) => SessionState) => {
      unlockAudio();
      dispatch({ type: "act", run, now: Date.now(), plan, newId: makeSessionId() });
    },
    [plan],
  );

  // Picking up where the patient left off.
  const saved = useStoredString(key);
  const [restoreDismissed, setRestoreDismissed] = useState(false);
  const restorable = useMemo(
    () => (clock && saved && !store.session ? restoreSession(saved, plan, clock) : null),
    [clock, saved, store.session, plan],
  );
  const offerRestore = !!restorable && !restoreDismissed && !store.session;

  // Saving the place on every step (not every second: the timers are stored as start times).
  const [sent, setSent] = useState(false);
  const snapshot = session ? JSON.stringify(session) : null;
  useEffect(() => {
    if (snapshot && !sent) writeStoredQuietly(key, serialiseSession(JSON.parse(snapshot) as SessionState, Date.now()));
  }, [key, snapshot, sent]);

  const [confirming, setConfirming] = useState<{ wasPaused: boolean } | null>(null);
  const finished = view.phase === "finished" && !!session;

  // Sound and vibration at the moments that matter: a hold starts or ends, a rest runs out, the end.
  const [soundOn, setSoundOn] = useStoredFlag("homeplan:player:sound", true);
  const [vibrateOn, setVibrateOn] = useStoredFlag("homeplan:player:vibrate", true);
  const vibrationSupported = useSyncExternalStore(noSubscribe, canVibrate, () => false);
  const cueSig = session ? `${session.exercise}|${session.side}|${session.set}|${session.rep}|${session.phase}|${session.paused}` : "";
  const phase = session?.phase ?? null;
  const countdown =
    session && !session.paused && (session.phase === "prepare" || session.phase === "rest") ? secondsLeft(session, now) : null;
  const lastCue = useRef<{ sig: string; phase: string | null; countdown: number | null }>({ sig: "", phase: null, countdown: null });
  useEffect(() => {
    const prev = lastCue.current;
    lastCue.current = { sig: cueSig, phase, countdown };
    if (!phase || cueSig.endsWith("|true")) return;
    let cue: Cue | null = null;
    if (cueSig !== prev.sig && prev.sig !== "") {
      if (phase === "finished") cue = "done";
      else if (phase === "hold") cue = "go";
      else if (prev.phase === "hold") cue = "stop";
      else if (prev.phase === "rest") cue = "go";
    } else if (countdown !== null && countdown !== prev.countdown && countdown <= 3 && countdown > 0) {
      cue = "tick";
    }
    if (cue && soundOn) playCue(cue);
    if (cue && vibrateOn) vibrateCue(cue);
  }, [cueSig, phase, countdown, soundOn, vibrateOn]);

  useWakeLock(live && !confirming);

  // A new exercise moves focus to its name, so a screen reader reads it and Space is free for the big button.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const seenExercise = useRef(view.exercise);
  useEffect(() => {
    if (seenExercise.current === view.exercise) return;
    seenExercise.current = view.exercise;
    headingRef.current?.focus();
  }, [view.exercise]);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  // Space: the big button. Left and right arrows: previous and next exercise.
  const keysOn = useRef(true);
  useEffect(() => {
    keysOn.current = !offerRestore && !confirming && !finished;
  }, [offerRestore, confirming, finished]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!keysOn.current || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = e.target as Element | null;
      // Keys keep their own meaning where they have one: Space presses a focused button, arrows move in a text field.
      if (target?.closest?.("input, textarea, select, [contenteditable='true']")) return;
      if (e.key === " " && target?.closest?.("button, a, summary")) return;
      const run = e.key === " " ? primaryAction : e.key === "ArrowLeft" ? previousExercise : e.key === "ArrowRight" ? nextExercise : null;
      if (!run) return;
      e.preventDefault();
      act(run);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [act]);

  const askFinish = () => {
    setConfirming({ wasPaused: store.session?.paused ?? true });
    if (store.session && !store.session.paused) act(pause);
  };

  if (!item || !ex) return null;
  const total = programme.items.length;
  const kind = primaryKind(view);
  const side = placeWords(view);
  // While something is being timed or counted, the figure shrinks to a thumbnail so the dial and Pause fit on a small phone.
  const compact = view.phase !== "ready";

  return (
    <div className="flex min-h-dvh flex-col bg-canvas text-lg">
      <header className="sticky top-0 z-10 border-b border-line bg-surface">
        <div className="mx-auto flex max-w-5xl items-center gap-2 px-3 py-2 sm:px-6">
          <a href={backHref} className="btn-ghost -ml-1 px-2">
            <ChevronLeftIcon className="size-5" />
            My plan
          </a>
          <p className="flex-1 text-center font-bold" data-testid="exercise-count">
            {finished ? (
              "Session finished"
            ) : (
              <>
                <span className="max-[359px]:sr-only">Exercise </span>
                {(offerRestore && restorable ? restorable : view).exercise + 1} of {total}
              </>
            )}
          </p>
          {finished ? (
            <span className="w-[5.5rem]" />
          ) : (
            <button type="button" onClick={askFinish} aria-label="Finish early" className="btn-secondary px-3">
              Finish
            </button>
          )}
        </div>
        <div className="mx-auto max-w-5xl px-3 pb-2 sm:px-6">
          <SessionBar value={sessionProgress(view)} />
        </div>
      </header>

      <main className="mx-auto w-full max-w-5xl flex-1 px-4 pb-10 pt-4 sm:px-6">
        <p aria-live="polite" className="sr-only" data-testid="announcer">
          {offerRestore || confirming || finished ? "" : spokenStatus(view, item, total)}
        </p>
        {offerRestore && restorable ? (
          <RestorePanel
            exerciseName={programme.items[restorable.exercise]?.name ?? ""}
            where={describeStep(restorable, plan[restorable.exercise]!)}
            finished={restorable.phase === "finished"}
            onContinue={() =>
              dispatch({
                type: "restore",
                session: restorable.phase === "finished" ? restorable : resume(restorable, Date.now()),
                now: Date.now(),
              })
            }
            onRestart={() => {
              writeStored(key, null);
              setRestoreDismissed(true);
            }}
          />
        ) : confirming ? (
          <ConfirmFinishPanel
            headingRef={confirmHeading}
            done={summarise(view).filter((e) => e.setsDone > 0).length}
            total={total}
            onFinish={() => {
              setConfirming(null);
              act(finish);
            }}
            onKeepGoing={() => {
              const { wasPaused } = confirming;
              setConfirming(null);
              if (!wasPaused) act(resume);
            }}
          />
        ) : finished && session ? (
          <SessionLogForm
            logUrl={logUrl}
            programmeId={programme.programmeId}
            version={programme.version}
            idempotencyKey={session.sessionId}
            startedAt={new Date(session.startedAt).toISOString()}
            completedAt={new Date(session.finishedAt ?? session.startedAt).toISOString()}
            exercises={summarise(session).map((e, i) => ({ ...e, name: programme.items[i]?.name ?? "" }))}
            patientFirstName={programme.patient.firstName}
            clinicianName={programme.clinician.name}
            backHref={backHref}
            onSent={() => {
              setSent(true);
              writeStored(key, null);
            }}
          />
        ) : (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 lg:gap-10">
            <div
              className={`min-w-0 ${compact ? "flex items-center gap-4 lg:grid lg:content-start lg:items-start" : "grid grid-cols-1 content-start gap-3"}`}
            >
              <div className="min-w-0 flex-1">
                <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold tracking-tight sm:text-4xl" data-testid="exercise-name">
                  {item.name}
                </h1>
                {side ? <p className="mt-1 text-xl font-bold text-brand-700">{side}</p> : null}
              </div>
              <div
                data-phase={view.phase}
                className={
                  compact ? "w-28 shrink-0 sm:w-40 lg:w-full" : "mx-auto w-full max-w-[min(17rem,40dvh)] sm:max-w-sm lg:max-w-none"
                }
              >
                <FigureBeatContext value={beat}>
                  <FigureFrame figure={figures[item.position]} />
                </FigureBeatContext>
              </div>
            </div>

            <div className="grid min-w-0 grid-cols-1 content-start gap-3">
              <Stage view={view} ex={ex} item={item} now={now} />
              {/* On a phone the big button sticks to the bottom of the screen, so it is never scrolled away. */}
              <div className="sticky bottom-0 z-10 -mx-4 bg-canvas/95 px-4 pb-3 pt-2 lg:static lg:m-0 lg:bg-transparent lg:p-0">
                <button
                  type="button"
                  onClick={() => act(primaryAction)}
                  data-testid="primary-action"
                  className={`${kind === "pause" ? "btn-secondary border-2 border-brand-600 text-brand-800" : "btn-primary"} min-h-16 w-full rounded-xl text-2xl`}
                >
                  {kind === "start" || kind === "resume" ? <PlayIcon /> : kind === "done" ? <CheckIcon /> : <PauseIcon />}
                  {kind === "start" ? "Start" : kind === "done" ? "Done" : kind === "pause" ? "Pause" : "Resume"}
                </button>
              </div>
              {view.phase === "rest" && !view.paused ? (
                <button type="button" onClick={() => act(skipRest)} className="btn-ghost min-h-12 text-xl underline underline-offset-4">
                  Skip rest
                </button>
              ) : (view.phase === "reps" || view.phase === "hold" || view.phase === "prepare") && !view.paused ? (
                <button type="button" onClick={() => act(completeSet)} className="btn-ghost min-h-12 text-xl underline underline-offset-4">
                  Finish this set
                </button>
              ) : null}
              <nav aria-label="Exercises" className="grid grid-cols-3 gap-2">
                <button
                  type="button"
                  onClick={() => act(previousExercise)}
                  disabled={view.exercise === 0}
                  aria-label="Previous exercise"
                  className="btn-secondary min-h-12 gap-1 rounded-xl px-1 text-lg"
                >
                  <ChevronLeftIcon className="size-5" />
                  Previous
                </button>
                <button
                  type="button"
                  onClick={() => act(skipExercise)}
                  aria-label="Skip exercise"
                  className="btn-secondary min-h-12 gap-1 rounded-xl px-1 text-lg"
                >
                  <SkipIcon className="size-5" />
                  Skip
                </button>
                <button
                  type="button"
                  onClick={() => act(nextExercise)}
                  aria-label="Next exercise"
                  className="btn-secondary min-h-12 gap-1 rounded-xl px-1 text-lg"
                >
                  Next
                  <ChevronRightIcon className="size-5" />
                </button>
              </nav>
              <SafetyLine className="text-lg" />
            </div>

            <div className="grid min-w-0 grid-cols-1 content-start gap-3 lg:col-span-2">
              <HowToDoIt item={item} />
              <SafetyDetails advice={safety} />
              <CueSettings
                sound={soundOn}
                vibrate={vibrateOn}
                canVibrate={vibrationSupported}
                onSound={setSoundOn}
                onVibrate={setVibrateOn}
              />
            </div>
          </div>
        )}
      </main>
    </div>
  );
}

function Stage({ view, ex, item, now }: { view: SessionState; ex: PlanExercise; item: ProgrammeView["items"][number]; now: number }) {
  const dial = dialFor(view);
  const step = stepText(view, ex, item);
  const seconds = secondsLeft(view, now);
  return (
    <div className="grid justify-items-center gap-2 text-center">
      {dial ? (
        <TimerDial
          label={dial.label}
          tone={dial.tone}
          seconds={seconds}
          fraction={view.timer ? timeLeftMs(view, now) / view.timer.durationMs : 0}
          spoken={dial.spoken(seconds)}
        />
      ) : view.phase === "reps" ? (
        <RepCounter rep={view.rep + 1} reps={ex.reps} />
      ) : null}
      {/* The rep counter already shows the rep, so the line below it only needs the set. */}
      {view.phase === "reps" && ex.sets === 1 ? null : (
        <p className="text-2xl font-bold sm:text-3xl" data-testid="set-rep">
          {view.phase === "reps" ? `Set ${view.set + 1} of ${ex.sets}` : describeStep(view, ex, true)}
        </p>
      )}
      {step ? <p className="line-clamp-3 max-w-prose text-xl">{step}</p> : null}
    </div>
  );
}
