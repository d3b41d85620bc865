import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { env } from "@/lib/env";

/**
 * Only an optimistic redirect for signed-out visitors, and the place where the idle
 * expiry rolls forward on each request. It is never the security check: every page,
 * action and route calls lib/auth/dal.ts itself.
 */
const { auth } = NextAuth(() => ({ ...authConfig, secret: env().AUTH_SECRET }));

const PORTAL_PREFIXES = ["/dashboard", "/patients", "/programmes", "/templates", "/catalogue", "/settings", "/account", "/mailbox"];

const redirectSignedOut = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const inPortal = PORTAL_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (inPortal && !request.auth?.user) {
    const url = new URL("/sign-in", request.nextUrl);
    url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

// With a lazily built config, Auth.js hands back the wrapped handler as a promise.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = (await redirectSignedOut) as unknown as Handler;
  return handler(request, event);
}

export const config = {
  matcher: ["/((?!api/|_next/|p/|c/|favicon.ico|robots.txt).*)"],
};
