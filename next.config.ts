import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";
const overHttps = (process.env.APP_URL ?? "").startsWith("https://");

/**
 * Baseline headers for every response. Scripts are limited to our own origin; inline
 * scripts stay allowed because Next's hydration data is inline and a per-request nonce
 * would make every page dynamic. `unsafe-eval` is only present in development, where
 * React needs it for its debugging stacks.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ...(overHttps ? ["upgrade-insecure-requests"] : []),
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(overHttps ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() for owner-only screens.
  experimental: { authInterrupts: true },
  // Native and WASM packages load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@react-pdf/renderer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
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
