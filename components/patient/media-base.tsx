"use client";

import { createContext, useContext } from "react";

/*
 * Where the patient's link serves the clinic's media (`/p/<token>/media`). The page sets it
 * around the programme it takes from the cache, so the cached drawing holds no link and one
 * entry serves every link to the programme; the photo and video read it when they render.
 */
const MediaBaseContext = createContext("");

export function MediaBase({ base, children }: { base: string; children?: React.ReactNode }) {
  return <MediaBaseContext value={base}>{children}</MediaBaseContext>;
}

export const useMediaBase = () => useContext(MediaBaseContext);
