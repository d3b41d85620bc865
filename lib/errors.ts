/**
 * Errors a user may see. Each code maps to a status and a sentence; details of what
 * went wrong go to the server log, never to the browser.
 */
export const ERRORS = {
  unauthorized: { status: 401, message: "Your session has ended. Please sign in again." },
  forbidden: { status: 403, message: "Only the clinic owner can do that." },
  not_found: { status: 404, message: "We couldn't find that. It may have been removed." },
  conflict: { status: 409, message: "Someone else changed this while you were editing." },
  invalid: { status: 400, message: "Some details need attention." },
  rate_limited: { status: 429, message: "Too many attempts. Please wait a little and try again." },
  unavailable: { status: 503, message: "We're having trouble reaching the database. Try again in a moment." },
  internal: { status: 500, message: "Something went wrong on our side. Nothing you entered was lost; please try again." },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? ERRORS[code].message);
    this.name = "AppError";
  }
  get status() {
    return ERRORS[this.code].status;
  }
  get userMessage() {
    return ERRORS[this.code].message;
  }
}

/** How long a client should wait before asking again while the database is away. */
const UNAVAILABLE_RETRY_SECONDS = 10;

/**
 * The digest error pages look for. Next passes a thrown error's own `digest` to the
 * browser unchanged (and otherwise hides the message in production), so this is how
 * app/error.tsx tells "the database is away" from a bug.
 */
export const DB_UNAVAILABLE_DIGEST = "HOMEPLAN_DB_UNAVAILABLE";

// Node's socket errors, postgres.js's own, and SQLSTATEs for a server shutting down or starting.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** True when the error (or its cause: drizzle wraps driver errors) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    // SQLSTATE class 08: connection exception.
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  }
  return false;
}

/** Gives a database-away error the digest the error pages recognise; returns it for rethrowing. */
export function markDatabaseUnavailable<T>(error: T): T {
  if (isDatabaseUnavailable(error) && error && typeof error === "object") {
    Object.defineProperty(error, "digest", { value: DB_UNAVAILABLE_DIGEST, configurable: true, writable: true });
  }
  return error;
}

/** Turns any thrown value into a JSON response without leaking internals. */
export function errorResponse(error: unknown): Response {
  const headers = { "Cache-Control": "no-store" };
  if (isDatabaseUnavailable(error)) {
    logError("database unavailable", error);
    return Response.json(
      { error: "unavailable", message: ERRORS.unavailable.message },
      { status: 503, headers: { ...headers, "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) } },
    );
  }
  const appError = error instanceof AppError ? error : new AppError("internal");
  if (!(error instanceof AppError)) logError("unexpected error", error);
  // Missing and forbidden look the same from outside, so ids from another clinic reveal nothing.
  const code = appError.code === "forbidden" ? "not_found" : appError.code;
  return Response.json({ error: code, message: ERRORS[code].message }, { status: ERRORS[code].status, headers });
}

/**
 * Logs an unexpected failure without the data it was about. Database errors carry the
 * query's parameters (names, notes, password hashes): only the statement, the SQLSTATE
 * and the constraint are kept.
 */
export function logError(context: string, error: unknown): void {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; constraint_name?: string; constraint?: string; message?: string };
  };
  const message = String(e?.message ?? error)
    .replace(/\nparams:[\s\S]*$/, "")
    .slice(0, 500);
  const cause = e?.cause;
  const detail = cause
    ? ` [${cause.code ?? "?"}${(cause.constraint_name ?? cause.constraint) ? ` ${cause.constraint_name ?? cause.constraint}` : ""}]`
    : "";
  console.error(`[homeplan] ${context}: ${e?.name ?? "Error"}: ${message}${detail}`);
}
