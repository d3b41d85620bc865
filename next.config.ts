import type { NextConfig } from "next";
import { MEDIA_LIMITS } from "./lib/domain/media";
import { contentSecurityPolicy, STATIC_PAGES_SOURCE } from "./lib/security/csp";

const isDev = process.env.NODE_ENV !== "production";
const overHttps = (process.env.APP_URL ?? "").startsWith("https://");

/** Baseline headers for every response; the CSP is in lib/security/csp.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(overHttps ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project before it builds for the browser tests
  // (scripts/e2e.ts sets this), so that build need not check the same code again.
  typescript: { ignoreBuildErrors: process.env.HOMEPLAN_BUILD_TYPECHECKED === "1" },
  reactStrictMode: true,
  experimental: {
    // forbidden() for owner-only screens.
    authInterrupts: true,
    // CI builds once in a fresh clone (scripts/e2e.ts): Turbopack's on-disk cache would be written and never read.
    turbopackFileSystemCacheForBuild: process.env.HOMEPLAN_BUILD_ONCE !== "1",
    // proxy.ts sees each request body first and would cut an upload at its 10 MB default;
    // the media route itself stops at the limit (lib/media/upload.ts).
    proxyClientMaxBodySize: Math.max(MEDIA_LIMITS.photoBytes, MEDIA_LIMITS.videoBytes) + 1024 * 1024,
  },
  // Native and WASM packages load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@react-pdf/renderer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Pages rendered per request get a CSP with a fresh nonce from proxy.ts instead.
      {
        source: STATIC_PAGES_SOURCE,
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: isDev, https: overHttps }) }],
      },
      // Patient links and short codes are capabilities: never leak them in a Referer, never cache or index the pages.
      {
        source: "/:area(p|c)/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
