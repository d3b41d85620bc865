/*
 * Warm handout renders for a CPU profile:
 *   NODE_ENV=production node --import tsx --cpu-prof --cpu-prof-dir=bench/.out bench/pdf-profile.ts [renders]
 * then open the .cpuprofile in Chrome DevTools (Performance panel) or speedscope.
 */
import { safetyAdvice } from "@/lib/catalogue/safety";
import { renderHandout } from "@/lib/pdf/render";
import { sampleProgramme } from "@/lib/programme/sample";

const renders = Number(process.argv[2] ?? 30);
const input = {
  programme: sampleProgramme(8),
  safety: safetyAdvice(),
  link: { url: "https://homeplan.example/p/Xy7kP2mQ9rT4vW8zA1bC3dE5", shortUrl: "homeplan.example/p/Xy7kP2mQ" },
  generatedOn: "2026-11-21",
  weeks: 2 as const,
};
for (let i = 0; i < 5; i += 1) await renderHandout(input);
const start = performance.now();
for (let i = 0; i < renders; i += 1) await renderHandout(input);
console.log(`${renders} warm renders, mean ${((performance.now() - start) / renders).toFixed(1)} ms`);
