import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

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
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "bench/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "tests/**", "drizzle.config.ts", "next.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
