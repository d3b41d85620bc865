// Validates content/ without touching a database: `npx tsx scripts/check-content.ts`.
import path from "node:path";
import { loadExercises, loadSafety } from "../lib/catalogue/load-content";

const root = path.join(import.meta.dirname, "..", "content");
const exercises = loadExercises(path.join(root, "exercises"));
const safety = loadSafety(path.join(root, "safety.yaml"));
console.log(`${exercises.length} exercises and ${safety.advice.length} safety notes are valid`);
