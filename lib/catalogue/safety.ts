import path from "node:path";
import type { SafetyAdvice } from "@/lib/programme/view";
import { loadSafety } from "./load-content";

let cached: SafetyAdvice[] | undefined;

/** General safety advice from content/safety.yaml, for the patient page, player and handout. */
export function safetyAdvice(): SafetyAdvice[] {
  cached ??= loadSafety(path.join(process.cwd(), "content", "safety.yaml")).advice.map(({ id, title, text }) => ({ id, title, text }));
  return cached;
}
