import type { MetadataRoute } from "next";

// Patient pages are private links: ask crawlers to stay away (the pages also send noindex).
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", disallow: ["/p/", "/api/", "/dashboard", "/patients", "/programmes"] }] };
}
