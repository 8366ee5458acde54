import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "@/i18n/routing";
import { getEnv } from "@/lib/env";
import { pageContentSecurityPolicy } from "@/lib/security/headers";

/**
 * Routes locales, sets the per-request security policy and request id, and sends signed-out
 * visitors of the workspaces to sign-in. It is not a security boundary: pages, actions and
 * route handlers check the session and role themselves. Public pages served from the cache skip
 * it (see the matcher below): each is the same bytes for every reader.
 */
const handleLocales = createIntlMiddleware(routing);

const workspaces = ["/portal", "/commission", "/me"];
const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

function splitLocale(pathname: string) {
  const [, first = "", ...rest] = pathname.split("/");
  return (routing.locales as readonly string[]).includes(first)
    ? { locale: first, rest: `/${rest.join("/")}`.replace(/\/$/, "") }
    : { locale: null, rest: pathname };
}

export function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  if (request.nextUrl.pathname.startsWith("/api/")) return withRequestId(request, requestId);
  const { locale, rest } = splitLocale(request.nextUrl.pathname);

  const signedOut = !request.cookies.getAll().some((c) => sessionCookie.test(c.name));
  if (locale && signedOut && workspaces.some((w) => rest === w || rest.startsWith(`${w}/`))) {
    const signIn = new URL(`/${locale}/sign-in`, request.url);
    signIn.searchParams.set("next", request.nextUrl.pathname);
    const response = NextResponse.redirect(signIn);
    response.headers.set("x-request-id", requestId);
    return response;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy({ nonce, development: getEnv().NODE_ENV === "development" });

  // Next reads the nonce from the request's policy header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);

  const response = handleLocales(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("x-request-id", requestId);
  return response;
}

/** Route handlers get only a request id; their other headers come from next.config.ts. */
function withRequestId(request: NextRequest, requestId: string) {
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Pages and route handlers. Not Next's assets, files with an extension, nor the public pages
  // served from the cache (a locale's home page and its public sections, as
  // cachedPublicPageSources in lib/security/headers.ts): they get their headers from
  // next.config.ts. A literal, as Next requires; lib/security/page-policies.test.ts holds the two together.
  matcher: ["/((?!_next|_vercel|.*\\..*|(?:tk|ru|en)(?:/(?:elections|statements)(?:/.*)?)?$).*)"],
};
