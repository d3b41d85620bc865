import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

/**
 * One layer's import rule: `banned` path groups are refused; with `dataTypesOnly`, db/ may
 * be imported for types alone (a component may name a row's shape, never query).
 */
function layer(files, banned, message, { dataTypesOnly = false } = {}) {
  const patterns = [{ group: banned, message }];
  return [
    {
      files: [files],
      ignores: ["**/*.test.ts", "**/*.test.tsx"],
      rules: {
        "no-restricted-imports": "off",
        "@typescript-eslint/no-restricted-imports": [
          "error",
          { patterns: dataTypesOnly ? [...patterns, { group: ["@/db/*"], message: "Components do not query: the page passes data in.", allowTypeImports: true }] : patterns },
        ],
      },
    },
  ];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/.out/**", "db/migrations/**"]),
  {
    rules: {
      // Only lib/env.ts may read the environment, so a missing setting fails loudly in one place.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings from lib/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  // The layering of docs/ARCHITECTURE.md: app → components → lib → db. A wrong import fails lint.
  ...layer("components/**", ["@/app/*"], "Components are shared UI: pass a server action in as a prop, or move the component beside its route in app/.", { dataTypesOnly: true }),
  ...layer("lib/**", ["@/app/*", "@/components/*"], "lib holds capabilities and rules, not UI or routes: move UI to components/, route code to app/."),
  ...layer("db/**", ["@/app/*", "@/components/*"], "db is data access only: it never imports UI or routes."),
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "bench/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "tests/**", "drizzle.config.ts", "next.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
