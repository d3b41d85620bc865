/**
 * The Content-Security-Policy, in one place for next.config.ts (static pages) and
 * proxy.ts (pages rendered per request). Pages rendered per request get a fresh nonce
 * and `'strict-dynamic'`: only scripts Next rendered for this response run, so injected
 * markup cannot run script even on our own origin. Static pages are built once, so they
 * cannot carry a per-request nonce; they keep `'unsafe-inline'` for Next's inline
 * hydration data. `'unsafe-eval'` only in development, where React's debugging stacks
 * need it.
 */

/** Pages that are rendered per request anyway: the clinician portal, the patient pages, the short-code page and the reminder unsubscribe page. */
const NONCE_PREFIXES = [
  "/p",
  "/c",
  "/unsubscribe",
  "/dashboard",
  "/patients",
  "/programmes",
  "/templates",
  "/catalogue",
  "/settings",
  "/account",
  "/mailbox",
];

export const usesNonce = (pathname: string) => NONCE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/** A path-to-regexp source (next.config `headers()`) for every path outside NONCE_PREFIXES. */
export const STATIC_PAGES_SOURCE = `/((?!(?:${NONCE_PREFIXES.map((p) => p.slice(1)).join("|")})(?:/|$)).*)`;

export function contentSecurityPolicy(options: { nonce?: string; dev: boolean; https: boolean }): string {
  const scripts = options.nonce ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${options.dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes are inline styles; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** 128 random bits, base64: a new one for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
