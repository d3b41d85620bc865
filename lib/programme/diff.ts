import type { ChangeSummary } from "./view";

export type DiffItem = {
  exerciseId: string;
  name: string;
  sets: number;
  reps: number;
  holdSeconds: number;
  restSeconds: number;
  sides: string;
  timesPerDay: number;
  daysPerWeek: number;
  load: string;
  note: string;
};

export type DiffVersion = { title: string; patientNote: string; startDate: string | null; reviewDate: string | null; items: DiffItem[] };

const FIELDS: { key: keyof DiffItem; say: (from: string, to: string) => string }[] = [
  { key: "sets", say: (a, b) => `sets ${a} → ${b}` },
  { key: "reps", say: (a, b) => `reps ${a} → ${b}` },
  { key: "holdSeconds", say: (a, b) => `hold ${a} s → ${b} s` },
  { key: "restSeconds", say: (a, b) => `rest ${a} s → ${b} s` },
  { key: "sides", say: (a, b) => `sides ${a} → ${b}` },
  { key: "timesPerDay", say: (a, b) => `${a}×/day → ${b}×/day` },
  { key: "daysPerWeek", say: (a, b) => `${a} → ${b} days a week` },
  { key: "load", say: (a, b) => `load “${a || "none"}” → “${b || "none"}”` },
  { key: "note", say: () => "note changed" },
];

/**
 * What changed between two versions, computed from the versions themselves. Exercises
 * are matched by identity in order, so an exercise that appears twice pairs up in turn.
 */
export function diffVersions(before: DiffVersion, after: DiffVersion): ChangeSummary {
  const remaining = [...before.items];
  const added: string[] = [];
  const changed: ChangeSummary["changed"] = [];
  const pairs: [DiffItem, DiffItem][] = [];
  for (const item of after.items) {
    const index = remaining.findIndex((r) => r.exerciseId === item.exerciseId);
    if (index === -1) {
      added.push(item.name);
      continue;
    }
    const [previous] = remaining.splice(index, 1);
    pairs.push([previous!, item]);
  }
  for (const [a, b] of pairs) {
    const changes = FIELDS.filter((f) => String(a[f.key]) !== String(b[f.key])).map((f) => f.say(String(a[f.key]), String(b[f.key])));
    if (changes.length) changed.push({ name: b.name, changes });
  }
  const keptBefore = before.items.filter((i) => pairs.some(([p]) => p === i)).map((i) => i.exerciseId);
  const keptAfter = pairs.map(([, n]) => n.exerciseId);
  const detailsChanged: string[] = [];
  if (before.title !== after.title) detailsChanged.push("title");
  if (before.patientNote !== after.patientNote) detailsChanged.push("note to the patient");
  if (before.startDate !== after.startDate) detailsChanged.push("start date");
  if (before.reviewDate !== after.reviewDate) detailsChanged.push("review date");
  return {
    added,
    removed: remaining.map((r) => r.name),
    changed,
    moved: keptBefore.join() !== keptAfter.join(),
    detailsChanged,
  };
}

export function isEmptyChange(c: ChangeSummary): boolean {
  return !c.added.length && !c.removed.length && !c.changed.length && !c.moved && !c.detailsChanged.length;
}

/** One line per kind of change, for lists and emails. */
export function describeChanges(c: ChangeSummary): string[] {
  const lines: string[] = [];
  if (c.added.length) lines.push(`Added: ${c.added.join(", ")}`);
  if (c.removed.length) lines.push(`Removed: ${c.removed.join(", ")}`);
  for (const x of c.changed) lines.push(`${x.name}: ${x.changes.join(", ")}`);
  if (c.moved) lines.push("Order changed");
  if (c.detailsChanged.length) lines.push(`Updated ${c.detailsChanged.join(", ")}`);
  return lines;
}
