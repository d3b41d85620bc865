import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { exerciseFileSchema, safetyFileSchema, slugSchema, type ExerciseFile, type SafetyFile } from "./content-schema";

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "ContentError";
  }
}

export type CatalogueEntry = ExerciseFile & { slug: string; file: string };

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError(file, [`not valid YAML (${(error as Error).message.split("\n")[0]})`]);
  }
}

/**
 * Reads and validates every exercise file. All files are checked before anything is
 * returned, so one bad file stops the whole sync and every problem is reported at once.
 */
export function loadExercises(dir: string): CatalogueEntry[] {
  const files = readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  const entries: CatalogueEntry[] = [];
  const errors: ContentError[] = [];
  for (const name of files) {
    const file = path.join(/*turbopackIgnore: true*/ dir, name);
    const slug = name.replace(/\.yaml$/, "");
    try {
      if (!slugSchema.safeParse(slug).success) {
        throw new ContentError(file, ["file name: use lower-case words joined by hyphens"]);
      }
      const parsed = exerciseFileSchema.safeParse(readYaml(file));
      if (!parsed.success) throw new ContentError(file, describe(parsed.error));
      entries.push({ ...parsed.data, slug, file });
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length > 0) {
    throw new ContentError(
      errors.map((e) => e.file).join(", "),
      errors.map((e) => e.message),
    );
  }
  return entries;
}

export function loadSafety(file: string): SafetyFile {
  const parsed = safetyFileSchema.safeParse(readYaml(file));
  if (!parsed.success) throw new ContentError(file, describe(parsed.error));
  return parsed.data;
}
