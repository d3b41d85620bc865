import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: migrations are applied in code (db/migrate.ts)
// so that the embedded and the real Postgres get exactly the same steps.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
});
