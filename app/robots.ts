import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";

// Built once, it would name the build's SITE_URL (the default localhost) instead of the one the server runs with.
export const dynamic = "force-dynamic";

/** Crawlers read the public pages; workspaces, the API and badge verification are not for indexing. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/portal", "/commission", "/api", "/*/portal", "/*/commission", "/me", "/*/me", "/*/verify"] },
    sitemap: new URL("/sitemap.xml", getEnv().SITE_URL).toString(),
  };
}
