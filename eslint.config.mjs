import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

/**
 * One layer's import rule: `banned` path groups are refused; with `dataTypesOnly`, db/ may
 * be imported for types alone (a component may name a row's shape, never query). `extra`
 * adds further patterns, `ignores` leaves files to a rule of their own.
 */
function layer(files, banned, message, { dataTypesOnly = false, extra = [], ignores = [] } = {}) {
  const patterns = [{ group: banned, message }, ...extra];
  return [
    {
      files: [files],
      ignores: ["**/*.test.ts", "**/*.test.tsx", ...ignores],
      rules: {
        "no-restricted-imports": "off",
        "@typescript-eslint/no-restricted-imports": [
          "error",
          {
            patterns: dataTypesOnly
              ? [...patterns, { group: ["@/db/*"], message: "Components do not query: the page passes data in.", allowTypeImports: true }]
              : patterns,
          },
        ],
      },
    },
  ];
}

/*
 * What db/ may take from lib/ at run time: the domain values its enums and checks derive
 * from, the keyset pager, settings and the error type. Types from anywhere in lib are fine.
 * Anything else is orchestration and belongs in lib, over small queries.
 */
const DB_MAY_IMPORT = ["domain/.+", "pagination", "env", "errors"];
const DB_LIB_RULE = {
  regex: `^@/lib/(?!(${DB_MAY_IMPORT.join("|")})$)`,
  message:
    "db is data access: build emails, run capabilities and orchestrate in lib/, and pass rows or callbacks into db/queries/*. db may import from lib only lib/domain, lib/pagination, lib/env, lib/errors and types.",
  allowTypeImports: true,
};
// db/schema.ts reaches lib/domain by a relative path (drizzle-kit reads it without the @/ alias).
const DB_RELATIVE_LIB_RULE = {
  regex: "^(\\.\\./)+lib/(?!domain/)",
  message: "Import lib through @/lib/..., so the layer rule sees it (db/schema.ts may reach lib/domain by a relative path).",
  allowTypeImports: true,
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/.out/**",
    "db/migrations/**",
  ]),
  {
    rules: {
      // Only lib/env.ts may read the environment, so a missing setting fails loudly in one place.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings from lib/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  // The layering of docs/ARCHITECTURE.md: app → components → lib → db. A wrong import fails lint.
  ...layer(
    "components/**",
    ["@/app/*"],
    "Components are shared UI: pass a server action in as a prop, or move the component beside its route in app/.",
    { dataTypesOnly: true },
  ),
  ...layer(
    "lib/**",
    ["@/app/*", "@/components/*"],
    "lib holds capabilities and rules, not UI or routes: move UI to components/, route code to app/.",
  ),
  ...layer("db/**", ["@/app/*", "@/components/*"], "db is data access only: it never imports UI or routes.", {
    extra: [DB_LIB_RULE, DB_RELATIVE_LIB_RULE],
    // The seed entry point runs lib's start-up work (catalogue sync and the demo clinic).
    ignores: ["db/seed.ts"],
  }),
  ...layer("db/seed.ts", ["@/app/*", "@/components/*"], "db is data access only: it never imports UI or routes."),
  {
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "scripts/**",
      "bench/**",
      "e2e/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "tests/**",
      "drizzle.config.ts",
      "next.config.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
]);
