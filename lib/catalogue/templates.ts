import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { catalogueDosageSchema } from "./content-schema";
import { ContentError } from "./load-content";

const templateFileSchema = z
  .object({
    title: z.string().trim().min(2).max(120),
    note: z.string().trim().max(2000).default(""),
    exercises: z
      .array(
        z
          .object({ slug: z.string().regex(/^[a-z0-9-]+$/) })
          .extend(catalogueDosageSchema.partial().shape)
          .strict(),
      )
      .min(1),
  })
  .strict();

export type StarterTemplate = z.infer<typeof templateFileSchema> & { file: string };

/** The starter templates in content/templates/, validated like the catalogue. */
export function loadStarterTemplates(dir = path.join(process.cwd(), "content", "templates")): StarterTemplate[] {
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((name) => {
      // Content is read at run time on purpose; keep the build from tracing the whole project.
      const file = path.join(/*turbopackIgnore: true*/ dir, name);
      const parsed = templateFileSchema.safeParse(parse(readFileSync(file, "utf8")));
      if (!parsed.success)
        throw new ContentError(
          file,
          parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
        );
      return { ...parsed.data, file };
    });
}
