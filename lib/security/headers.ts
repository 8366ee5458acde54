/**
 * Security headers. Pure, so the policies are unit-tested and shared by next.config.ts (for
 * files and route handlers) and proxy.ts (for pages).
 */
export const baseSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Two years. Browsers ignore it over plain HTTP (RFC 6797), so local and test servers are unaffected.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

const common = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // The badge check's service worker (public/badge-check-sw.js): 'strict-dynamic' in script-src would otherwise refuse it.
  "worker-src 'self'",
  // React and Next set style attributes at run time; scripts are what the policy guards.
  "style-src 'self' 'unsafe-inline'",
];

/** For responses that are not HTML pages (files, JSON): nothing may run. */
export const staticContentSecurityPolicy = [...common, "script-src 'none'"].join("; ");

/**
 * Public pages are served from a shared cache, so they cannot carry a per-request nonce, and
 * Next's inline bootstrap differs per page so hashes cannot be listed in advance: these paths
 * (and only these) allow inline scripts. Everything else gets a nonce with 'strict-dynamic'.
 * Badge verification (/verify) is public but never cached: a revocation must show at once.
 * These pages skip proxy.ts, whose matcher names the same sections (running it cost more than
 * serving the cached page), so next.config.ts gives them their policy from here.
 */
const cachedPublicSections = ["elections", "statements"];

/** The cached public pages as next.config.ts sources: a locale's home page and its public sections. */
export function cachedPublicPageSources(locales: readonly string[]) {
  const locale = `:locale(${locales.join("|")})`;
  return [`/${locale}`, `/${locale}/:section(${cachedPublicSections.join("|")})/:path*`];
}

export function pageContentSecurityPolicy(options: { nonce: string | null; development: boolean }) {
  const scriptSources = options.nonce
    ? ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"]
    : ["'self'", "'unsafe-inline'"];
  // React's development build evaluates code for its tooling; production never allows eval.
  if (options.development) scriptSources.push("'unsafe-eval'");
  return [...common, `script-src ${scriptSources.join(" ")}`].join("; ");
}
