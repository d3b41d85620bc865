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
  unavailable: { status: 503, message: "Homeplan can't reach its database just now. Please try again in a moment." },
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

/** Turns any thrown value into a JSON response without leaking internals. */
export function errorResponse(error: unknown): Response {
  const appError = error instanceof AppError ? error : new AppError("internal");
  if (!(error instanceof AppError)) logError("unexpected error", error);
  // Missing and forbidden look the same from outside, so ids from another clinic reveal nothing.
  const code = appError.code === "forbidden" ? "not_found" : appError.code;
  return Response.json({ error: code, message: ERRORS[code].message }, { status: ERRORS[code].status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Logs an unexpected failure without the data it was about. Database errors carry the
 * query's parameters (names, notes, password hashes): only the statement, the SQLSTATE
 * and the constraint are kept.
 */
export function logError(context: string, error: unknown): void {
  const e = error as { name?: string; message?: string; cause?: { code?: string; constraint_name?: string; constraint?: string; message?: string } };
  const message = String(e?.message ?? error).replace(/\nparams:[\s\S]*$/, "").slice(0, 500);
  const cause = e?.cause;
  const detail = cause ? ` [${cause.code ?? "?"}${cause.constraint_name ?? cause.constraint ? ` ${cause.constraint_name ?? cause.constraint}` : ""}]` : "";
  console.error(`[homeplan] ${context}: ${e?.name ?? "Error"}: ${message}${detail}`);
}
