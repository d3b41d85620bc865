import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import proxyaddr from "proxy-addr";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything is validated here so that a wrong
 * setting stops the app at start with a sentence naming it, not deep in a request.
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  /** Where clinics' photos and videos are kept; beside the embedded database (PGLITE_DIR-media) unless set. */
  MEDIA_DIR: z.string().min(1).optional(),
  /**
   * An S3-compatible bucket for media instead of MEDIA_DIR, as
   * https://ACCESS_KEY:SECRET@host[:port]/bucket (path-style, so any S3-compatible server works).
   */
  S3_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s):// URL such as https://KEY:SECRET@s3.example.org/bucket" })
    .refine(
      (v) => {
        const u = new URL(v);
        return u.username !== "" && u.password !== "" && /^\/[^/]+\/?$/.test(u.pathname);
      },
      { error: "must carry the access key, the secret and the bucket: https://KEY:SECRET@host/bucket" },
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  S3_REGION: z.string().min(1).default("us-east-1"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  APP_URL: z.url({ error: "must be a full URL such as https://homeplan.example.org" }).optional(),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_FROM: z.string().min(3).default("Homeplan <no-reply@homeplan.local>"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Shows the built-in mailbox outside development (for demos and staging). */
  DEV_MAILBOX: booleanFlag,
  /** Skips the demo clinic on first start of an empty database (tests start clean). */
  SKIP_DEMO_SEED: booleanFlag,
  /** Adds the demo clinic even in production (a public demo, the e2e run). Its password is published. */
  DEMO_DATA: booleanFlag,
  /**
   * Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs,
   * or proxy-addr's words loopback, linklocal, uniquelocal. None by default, so a
   * client-set X-Forwarded-For is ignored.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => {
        try {
          proxyaddr.compile(list);
          return true;
        } catch {
          return false;
        }
      },
      { error: "must be comma-separated IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal)" },
    ),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; APP_URL: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Homeplan cannot start: the environment is not valid.\n${lines.join("\n")}`);
  }
  const value = parsed.data;
  let secret = value.AUTH_SECRET;
  if (!secret) {
    if (value.NODE_ENV === "production") {
      throw new Error("Homeplan cannot start: AUTH_SECRET is required in production (generate one with: openssl rand -base64 32).");
    }
    secret = developmentSecret(value.PGLITE_DIR);
  }
  cached = {
    ...value,
    AUTH_SECRET: secret,
    APP_URL: (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/$/, ""),
  };
  return cached;
}

/** A development secret made once and kept beside the embedded database, so sign-ins survive restarts. */
function developmentSecret(pgliteDir: string): string {
  const dir = path.dirname(path.resolve(pgliteDir));
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Needs no other setting, so the build (which has no secrets) can ask it too. */
export const isProduction = () => process.env.NODE_ENV === "production";
export const devMailboxEnabled = () => !isProduction() || env().DEV_MAILBOX;
