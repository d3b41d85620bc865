import type { ChangeSummary } from "@/lib/programme/view";
import { SparkIcon } from "./icons";

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The "what changed" box: what is new, what was taken out, what is different, in plain words. */
export function WhatsChanged({
  changes,
  changeNote,
  clinicianName,
}: {
  changes: ChangeSummary;
  changeNote: string;
  clinicianName: string;
}) {
  const lines: { key: string; label: string; text: string }[] = [];
  if (changes.added.length) lines.push({ key: "added", label: "New", text: list(changes.added) });
  if (changes.removed.length) lines.push({ key: "removed", label: "Taken out", text: list(changes.removed) });
  for (const c of changes.changed) lines.push({ key: `changed-${c.name}`, label: c.name, text: c.changes.join("; ") });
  if (changes.moved) lines.push({ key: "moved", label: "Order", text: "The exercises are in a new order." });
  if (changes.detailsChanged.length) lines.push({ key: "details", label: "Also updated", text: list(changes.detailsChanged) });
  if (lines.length === 0 && !changeNote) return null;
  return (
    <section
      aria-labelledby="whats-changed"
      className="rounded-xl border-2 border-brand-200 bg-brand-50 p-5 sm:p-6 print:border-ink/40 print:bg-white"
    >
      <h2 id="whats-changed" className="flex items-center gap-2 text-xl font-bold text-brand-800 print:text-ink">
        <SparkIcon className="size-6" />
        What&apos;s changed
      </h2>
      {changeNote ? (
        <p className="mt-2">
          <strong>{clinicianName} says:</strong> {changeNote}
        </p>
      ) : null}
      {lines.length > 0 ? (
        <ul className="mt-3 grid gap-2">
          {lines.map((line) => (
            <li key={line.key}>
              <strong>{line.label}:</strong> {line.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
