"use client";

import { createContext } from "react";
import type { Stance } from "@/lib/illustration/animation";

/**
 * The session player's beat, for the moving figure inside it: where the figure should
 * stand, a key that changes at every new phase (so each hold starts the move afresh),
 * and whether the session is paused. Without it (the gallery) the figure loops on its own.
 */
export type FigureBeat = { stance: Stance; key: string; paused: boolean };

export const FigureBeatContext = createContext<FigureBeat | null>(null);
