import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { poseSetSchema, type PoseSet } from "./pose-schema";

export type PoseProblem = { field: string; reason: string };

/** A pose file that cannot be used, with every problem named by field. */
export class PoseContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: PoseProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.field}: ${p.reason}`).join("; ")}`);
    this.name = "PoseContentError";
  }
}

type Issue = z.core.$ZodIssue;

/**
 * A union (number or object) that fails reports "invalid input"; the branch that got
 * past the type check has the reason an author needs ("must be at most 165 degrees").
 */
function flatten(issue: Issue, prefix: PropertyKey[] = []): PoseProblem[] {
  const at = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branches = issue.errors.filter((branch) => !branch.every((i) => i.code === "invalid_type" && i.path.length === 0));
    const chosen = branches[0] ?? issue.errors[0]!;
    if (branches.length > 0 || issue.message === "Invalid input") return chosen.flatMap((i) => flatten(i, at));
  }
  return [{ field: at.map(String).join(".") || "(file)", reason: issue.message }];
}

/** Validates one pose file's text; throws PoseContentError naming the file, field and reason. */
export function parsePoseFile(file: string, text: string): PoseSet {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new PoseContentError(file, [{ field: "(file)", reason: `not valid YAML (${(error as Error).message.split("\n")[0]})` }]);
  }
  const parsed = poseSetSchema.safeParse(data);
  if (!parsed.success)
    throw new PoseContentError(
      file,
      parsed.error.issues.flatMap((i) => flatten(i)),
    );
  return parsed.data;
}

/**
 * Validates pose files, named by file, and keys them by slug (the file's name without
 * ".yaml"). All files are checked before anything is returned, so every problem is
 * reported at once.
 */
export function parsePoseSets(files: { file: string; text: string }[]): Map<string, PoseSet> {
  const sets = new Map<string, PoseSet>();
  const errors: PoseContentError[] = [];
  for (const { file, text } of files) {
    try {
      sets.set(path.basename(file, ".yaml"), parsePoseFile(file, text));
    } catch (error) {
      if (error instanceof PoseContentError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    throw new PoseContentError(
      errors.map((e) => e.file).join(", "),
      errors.flatMap((e) => e.problems.map((p) => ({ field: `${path.basename(e.file)} ${p.field}`, reason: p.reason }))),
    );
  }
  return sets;
}

/**
 * The catalogue's pose sets from content/poses. The folder is named literally at each
 * read, so the build traces that folder alone rather than the whole project.
 */
export function loadPoseSets(): Map<string, PoseSet> {
  const names = readdirSync(path.join(process.cwd(), "content", "poses"))
    .filter((n) => n.endsWith(".yaml"))
    .sort();
  return parsePoseSets(
    names.map((name) => ({
      file: `content/poses/${name}`,
      text: readFileSync(path.join(process.cwd(), "content", "poses", name), "utf8"),
    })),
  );
}

let cached: Map<string, PoseSet> | undefined;

function catalogue(): Map<string, PoseSet> {
  cached ??= loadPoseSets();
  return cached;
}

/**
 * The catalogue pose set for a slug, or null when there is none (a custom exercise
 * without an illustration, or a slug that is not in the catalogue).
 */
export function getPoseSet(slug: string | null | undefined): PoseSet | null {
  if (!slug) return null;
  return catalogue().get(slug) ?? null;
}

export function hasPoses(slug: string | null | undefined): boolean {
  return getPoseSet(slug) !== null;
}
