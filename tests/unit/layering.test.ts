import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/*
 * The layering in docs/ARCHITECTURE.md is kept by ESLint. These cases lint a one-line file
 * placed in each folder: a wrong import must be an error, a right one must pass.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe("layering", () => {
  it.each([
    ["components/programme/x.tsx", 'import { saveProgrammeAction } from "@/app/(portal)/programmes/actions";\nexport const x = saveProgrammeAction;\n'],
    ["components/patients/x.tsx", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["lib/patient/x.ts", 'import { ExerciseFigure } from "@/components/patient/exercise-figure";\nexport const x = ExerciseFigure;\n'],
    ["lib/patient/y.ts", 'import Page from "@/app/p/[token]/page";\nexport const x = Page;\n'],
    ["db/queries/x.ts", 'import { Pager } from "@/components/ui/pager";\nexport const x = Pager;\n'],
  ])("refuses a wrong import in %s", async (file, source) => {
    expect(await errorsFor(file, source)).toContain("@typescript-eslint/no-restricted-imports");
  }, 60_000);

  it.each([
    ["components/patients/x.tsx", 'import type { PatientStatusRow } from "@/db/queries/patient-status";\nexport type X = PatientStatusRow;\n'],
    ["app/(portal)/x/page.tsx", 'import { getDb } from "@/db/client";\nimport { Pager } from "@/components/ui/pager";\nexport const x = [getDb, Pager];\n'],
    ["lib/patient/x.ts", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
  ])("allows the layering's own direction in %s", async (file, source) => {
    expect(await errorsFor(file, source)).not.toContain("@typescript-eslint/no-restricted-imports");
  }, 60_000);
});
