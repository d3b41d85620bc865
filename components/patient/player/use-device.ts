"use client";

import { useCallback, useEffect, useSyncExternalStore } from "react";

/*
 * Small bridges from the browser (clock, localStorage, wake lock) into React, as
 * external stores so that rendering stays pure and the server render (no clock, no
 * storage) hydrates without a mismatch.
 */

let clockNow = 0;

/** The current time, refreshed every `intervalMs` while given (0 during the server render). */
export function useClock(intervalMs: number | null): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      // React reads the snapshot again right after subscribing, so this fresh value shows at once.
      clockNow = Date.now();
      if (intervalMs === null) return () => {};
      const id = setInterval(() => {
        clockNow = Date.now();
        onChange();
      }, intervalMs);
      return () => clearInterval(id);
    },
    [intervalMs],
  );
  return useSyncExternalStore(
    subscribe,
    () => clockNow,
    () => 0,
  );
}

const storageListeners = new Set<() => void>();

function subscribeStorage(onChange: () => void) {
  storageListeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    storageListeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes without telling subscribers: for saving progress, which nothing on screen reads back. */
export function writeStoredQuietly(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked: the session still runs, it just can't be resumed later.
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // As above.
  }
  for (const listener of storageListeners) listener();
}

export function useStoredString(key: string): string | null {
  return useSyncExternalStore(
    subscribeStorage,
    () => readStored(key),
    () => null,
  );
}

/** An on/off setting remembered on this device ("on" / "off"). */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const raw = useStoredString(key);
  const value = raw === null ? fallback : raw === "on";
  const set = useCallback((on: boolean) => writeStored(key, on ? "on" : "off"), [key]);
  return [value, set];
}

/** Keeps the screen awake while `active`, where the browser allows it; lets go on pause or leave. */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || typeof navigator === "undefined" || !("wakeLock" in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;
    const acquire = async () => {
      if (document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      try {
        const lock = await navigator.wakeLock.request("screen");
        if (stopped) void lock.release();
        else sentinel = lock;
      } catch {
        // Refused (battery saver, no permission): the timers still work, the screen may just dim.
      }
    };
    // The browser drops the lock when the page is hidden; take it again on return.
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", onVisibility);
      void sentinel?.release();
    };
  }, [active]);
}
