import path from "node:path";
import type { SafetyAdvice } from "@/lib/programme/view";
import { loadSafety } from "./load-content";

let cached: SafetyAdvice[] | undefined;

/** General safety advice from content/safety.yaml, for the patient page, player and handout. */
export function safetyAdvice(): SafetyAdvice[] {
  cached ??= loadSafety(path.join(process.cwd(), "content", "safety.yaml"))
    .advice.map(({ id, title, text, signs, urgent, handout }) => ({
      id,
      title,
      text,
      ...(signs ? { signs } : {}),
      ...(urgent ? { urgent } : {}),
      ...(handout === "title" ? { titleOnlyOnPaper: true } : {}),
    }))
    // Urgent advice (the red flags) first, whatever the order in the file.
    .sort((a, b) => Number(!!b.urgent) - Number(!!a.urgent));
  return cached;
}
