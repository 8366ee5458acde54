import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";

/** Crawlers read the public pages; workspaces, the API and badge verification are not for indexing. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/portal", "/commission", "/api", "/*/portal", "/*/commission", "/me", "/*/me", "/*/verify"] },
    sitemap: new URL("/sitemap.xml", getEnv().SITE_URL).toString(),
  };
}
