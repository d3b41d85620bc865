/*
 * Sound and vibration cues for the player, made on the fly with the Web Audio API:
 * no audio files to download on a slow connection. Browsers only allow sound after a
 * tap, so unlockAudio() is called from the player's buttons.
 */

export type Cue = "tick" | "go" | "stop" | "done";

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

export function unlockAudio(): void {
  if (typeof window === "undefined") return;
  try {
    if (!context) {
      const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext) as
        AudioContextClass | undefined;
      if (!Ctor) return;
      context = new Ctor();
    }
    if (context.state === "suspended") void context.resume();
  } catch {
    context = null;
  }
}

const TONES: Record<Cue, { freq: number; at: number; length: number; volume: number }[]> = {
  tick: [{ freq: 660, at: 0, length: 0.08, volume: 0.12 }],
  go: [{ freq: 880, at: 0, length: 0.25, volume: 0.25 }],
  stop: [
    { freq: 523, at: 0, length: 0.15, volume: 0.25 },
    { freq: 523, at: 0.22, length: 0.15, volume: 0.25 },
  ],
  done: [
    { freq: 523, at: 0, length: 0.18, volume: 0.22 },
    { freq: 659, at: 0.2, length: 0.18, volume: 0.22 },
    { freq: 784, at: 0.4, length: 0.35, volume: 0.22 },
  ],
};

export function playCue(cue: Cue): void {
  if (!context || context.state !== "running") return;
  const start = context.currentTime + 0.02;
  for (const tone of TONES[cue]) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = "sine";
    osc.frequency.value = tone.freq;
    // A short fade in and out: a bare square edge clicks.
    gain.gain.setValueAtTime(0, start + tone.at);
    gain.gain.linearRampToValueAtTime(tone.volume, start + tone.at + 0.02);
    gain.gain.linearRampToValueAtTime(0, start + tone.at + tone.length);
    osc.connect(gain).connect(context.destination);
    osc.start(start + tone.at);
    osc.stop(start + tone.at + tone.length + 0.05);
  }
}

const BUZZ: Record<Cue, number | number[] | null> = { tick: null, go: 250, stop: [120, 80, 120], done: [100, 60, 100, 60, 250] };

export function canVibrate(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.vibrate === "function";
}

export function vibrateCue(cue: Cue): void {
  const pattern = BUZZ[cue];
  if (pattern === null || !canVibrate()) return;
  try {
    navigator.vibrate(pattern);
  } catch {
    // Some browsers throw before the first tap; a missed buzz does no harm.
  }
}
