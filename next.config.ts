import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { routing } from "./i18n/routing";
import { baseSecurityHeaders, cachedPublicPageSources, pageContentSecurityPolicy, staticContentSecurityPolicy } from "./lib/security/headers";
import { statementListParams } from "./lib/statements/list-params";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() answers a signed-in user without the role with a translated 403 page.
  // Uploads go through Server Actions: a request letter (10 MB), a photo (5 MB), a ZIP of photos
  // (50 MB, lib/files/zip-photos.ts). The proxy buffers what it sees up to its own limit.
  // Cached pages and data stay in memory, at most 256 MB, the least read dropped first; on disk
  // they would grow without bound: every id anyone probes under /statements/ leaves a cached 404.
  experimental: { authInterrupts: true, globalNotFound: true, serverActions: { bodySizeLimit: "52mb" }, proxyClientMaxBodySize: "52mb", isrFlushToDisk: false },
  cacheMaxMemorySize: 256 * 1024 * 1024,
  // PGlite ships WebAssembly and data files it loads from its own folder; argon2 is native.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg"],
  async rewrites() {
    // The plain statements list, the page most readers open, is served from the cache: only a
    // filter, a search or a later page needs a render per request.
    return {
      beforeFiles: [
        {
          source: `/:locale(${routing.locales.join("|")})/statements`,
          missing: statementListParams.map((key) => ({ type: "query" as const, key })),
          destination: "/:locale/statements/latest",
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: baseSecurityHeaders },
      // Public pages served from the cache skip proxy.ts: their one policy, without a nonce.
      ...cachedPublicPageSources(routing.locales).map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: pageContentSecurityPolicy({ nonce: null, development: process.env.NODE_ENV === "development" }) }],
      })),
      // Other pages get their policy from proxy.ts (per-request nonce); everything else gets this
      // one: route handlers, Next's assets and every path with a file extension (which proxy.ts
      // skips). Listed last, it wins over the pages' for a file in a public section.
      ...["/(api|_next)/:path*", "/:file(.*\\..*)"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: staticContentSecurityPolicy }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
