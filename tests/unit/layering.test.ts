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
    [
      "components/programme/x.tsx",
      'import { saveProgrammeAction } from "@/app/(portal)/programmes/actions";\nexport const x = saveProgrammeAction;\n',
    ],
    ["components/records/x.tsx", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["lib/patient/x.ts", 'import { FigureFrame } from "@/components/patient/figure-frame";\nexport const x = FigureFrame;\n'],
    ["lib/patient/y.ts", 'import Page from "@/app/p/[token]/page";\nexport const x = Page;\n'],
    ["db/queries/x.ts", 'import { Pager } from "@/components/ui/pager";\nexport const x = Pager;\n'],
    // db/ does not orchestrate: emails, catalogue sync and the demo clinic are lib's.
    ["db/queries/y.ts", 'import { enqueueEmail } from "@/lib/email/outbox";\nexport const x = enqueueEmail;\n'],
    ["db/queries/z.ts", 'import { syncCatalogue } from "@/lib/catalogue/sync";\nexport const x = syncCatalogue;\n'],
    ["db/x.ts", 'import { seedDemoData } from "@/lib/demo/data";\nexport const x = seedDemoData;\n'],
    // Nor does it make tokens or apply a capability's rules: the lib caller passes hashes and values in.
    ["db/queries/w.ts", 'import { hashToken } from "@/lib/crypto/token";\nexport const x = hashToken;\n'],
    ["db/queries/v.ts", 'import { encryptToken } from "@/lib/links/token";\nexport const x = encryptToken;\n'],
    ["db/y.ts", 'import { patientLinkEmail } from "../lib/email/templates";\nexport const x = patientLinkEmail;\n'],
  ])(
    "refuses a wrong import in %s",
    async (file, source) => {
      expect(await errorsFor(file, source)).toContain("@typescript-eslint/no-restricted-imports");
    },
    60_000,
  );

  it.each([
    [
      "components/records/x.tsx",
      'import type { PatientStatusRow } from "@/db/queries/patient-status";\nexport type X = PatientStatusRow;\n',
    ],
    [
      "app/(portal)/x/page.tsx",
      'import { getDb } from "@/db/client";\nimport { Pager } from "@/components/ui/pager";\nexport const x = [getDb, Pager];\n',
    ],
    ["lib/patient/x.ts", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    // What db/ may still take from lib: domain values, the pager, settings, errors, and types.
    [
      "db/queries/x.ts",
      'import { MEDIA_LIMITS } from "@/lib/domain/media";\nimport { LOG_QUOTAS } from "@/lib/domain/patient-link";\nimport { toPage } from "@/lib/pagination";\nimport { env } from "@/lib/env";\nimport { AppError } from "@/lib/errors";\nimport type { ProgrammeContent } from "@/lib/validations/programme";\nexport const x = [MEDIA_LIMITS, LOG_QUOTAS, toPage, env, AppError];\nexport type X = ProgrammeContent;\n',
    ],
    ["db/x.ts", 'import { POSITIONS } from "../lib/domain/exercise";\nexport const x = POSITIONS;\n'],
    // The seed entry point runs lib's start-up work.
    ["db/seed.ts", 'import { bootstrap } from "@/lib/bootstrap";\nexport const x = bootstrap;\n'],
  ])(
    "allows the layering's own direction in %s",
    async (file, source) => {
      expect(await errorsFor(file, source)).not.toContain("@typescript-eslint/no-restricted-imports");
    },
    60_000,
  );
});
