import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { env, isProduction } from "@/lib/env";
import { contentSecurityPolicy, newNonce, usesNonce } from "@/lib/security/csp";

/**
 * Only an optimistic redirect for signed-out visitors, the place where the idle expiry
 * rolls forward on each request, and where pages rendered per request get their CSP
 * nonce. It is never the security check: every page, action and route calls
 * lib/auth/dal.ts itself.
 */
const { auth } = NextAuth(() => ({ ...authConfig, secret: env().AUTH_SECRET }));

const PORTAL_PREFIXES = ["/dashboard", "/patients", "/programmes", "/templates", "/catalogue", "/settings", "/account", "/mailbox"];

/**
 * Next reads the nonce from the request's Content-Security-Policy header and puts it on
 * every script it renders; the browser gets the same policy on the response.
 */
function next(request: NextRequest): NextResponse {
  if (!usesNonce(request.nextUrl.pathname)) return NextResponse.next();
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: !isProduction(), https: env().APP_URL.startsWith("https://") });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

const redirectSignedOut = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const inPortal = PORTAL_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (inPortal && !request.auth?.user) {
    const url = new URL("/sign-in", request.nextUrl);
    url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return next(request);
});

type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // Patient pages and the short-code page have no session to look at: only their nonce.
  if (/^\/[pc]\//.test(request.nextUrl.pathname)) return next(request);
  // With a lazily built config, Auth.js hands back the wrapped handler as a promise.
  const handler = (await redirectSignedOut) as unknown as Handler;
  return handler(request, event);
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt).*)"],
};
