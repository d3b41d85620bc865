import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/server-only.mock.ts"),
};

/**
 * Integration tests run once on the embedded database (always) and once more on a real
 * PostgreSQL when TEST_DATABASE_URL is set; the project name in the output says which.
 */
const realPostgres = process.env.TEST_DATABASE_URL;
/**
 * Files that test the app's own code paths (who may call what, what garbage does, what a
 * GET writes) rather than how a driver behaves: the SQL they reach is the same on both, so
 * they run on the embedded database only, which every run has. Anything about
 * concurrency, locking or types stays on both. TEST_EVERY_DRIVER=1 runs them on both too.
 */
const driverIndependent = [
  "tests/integration/access-matrix.test.ts",
  "tests/integration/fuzz-actions.test.ts",
  "tests/integration/fuzz-routes.test.ts",
  "tests/integration/patient-get.test.ts",
];
/** Media the tests upload go to a scratch folder, never beside a real database. */
const MEDIA_DIR = path.join(tmpdir(), "homeplan-test-media");
/**
 * The S3 client warns once per process that its 2027 releases need Node 22; the tests run
 * on Node 20 on purpose (the supported floor), so the warning is noise in their output.
 */
const quietSdk = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
const env = { MEDIA_DIR, ...quietSdk };

export default defineConfig({
  test: {
    // Vitest's default leaves one core idle; the embedded-database files are CPU-bound and
    // independent, so a two-core machine runs two at once.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
          env: quietSdk,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "pglite",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          env: { ...env, TEST_DRIVER: "pglite" },
          // Every file starts from one migrated dump (tests/db.ts).
          globalSetup: ["tests/pglite-snapshot.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(realPostgres
        ? [
            {
              resolve: { alias },
              test: {
                name: "postgres",
                include: ["tests/integration/**/*.test.ts"],
                exclude: process.env.TEST_EVERY_DRIVER ? [] : driverIndependent,
                environment: "node",
                env: { ...env, TEST_DRIVER: "postgres" },
                // Each worker has its own database (tests/db.ts), dropped at the end.
                globalSetup: ["tests/postgres-teardown.ts"],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
