/**
 * A public page's `generateStaticParams`: none at build time (the build has no database), so each
 * page is rendered on its first request and then served from the cache until a publication
 * refreshes it (lib/public/cache.ts). Only for pages that read no cookies, headers or search params.
 */
export function renderedOnFirstRequest() {
  return [];
}
