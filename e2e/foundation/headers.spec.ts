import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { accreditedBadge, claimsOf, nameOf, openForReview } from "../badges/helpers";
import { signInAs, signInWithPassword, type DemoRole } from "../fixtures";

/**
 * Every kind of response the portal serves, as each kind of visitor gets it: the security headers
 * on all of them, the script policy each kind needs, and no shared cache for anything personal.
 */
type Kind =
  /** Public pages served from the shared cache: inline scripts by 'unsafe-inline', never eval. */
  | "cachedPage"
  /** Every other page: scripts only by a per-request nonce. */
  | "page"
  /** Files anyone may fetch (JSON, feeds, CSV): nothing may run. */
  | "publicFile"
  /** Files of one visitor: nothing may run, and no cache may keep them. */
  | "privateFile";

const scriptSources = (csp: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";

function expectSecurityHeaders(response: APIResponse, kind: Kind) {
  const url = new URL(response.url()).pathname;
  const headers = response.headers();
  expect(response.status(), url).toBeLessThan(500);
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], url).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], url).toBe("same-origin");
  expect(headers["strict-transport-security"], url).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(headers["x-powered-by"], url).toBeUndefined();

  const csp = headers["content-security-policy"] ?? "";
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp, url).toContain(directive);
  }
  const scripts = scriptSources(csp);
  expect(scripts, url).not.toContain("'unsafe-eval'");
  if (kind === "cachedPage") {
    expect(scripts, url).toBe("script-src 'self' 'unsafe-inline'");
  } else if (kind === "page") {
    expect(scripts, url).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  } else {
    expect(scripts, url).toBe("script-src 'none'");
  }
  if (kind === "page" || kind === "privateFile") {
    expect(headers["cache-control"], url).toMatch(/private|no-store/);
    expect(headers["cache-control"], url).not.toMatch(/public|s-maxage/);
  }
}

async function expectAll(request: APIRequestContext, kind: Kind, paths: string[]) {
  for (const path of paths) {
    expectSecurityHeaders(await request.get(path, { maxRedirects: 0 }), kind);
  }
}

async function signedIn(browser: Browser, role: DemoRole | "otherCoordinator") {
  const page = await (await browser.newContext()).newPage();
  if (role === "otherCoordinator") await signInWithPassword(page, "coordinator.cis@portal.example");
  else await signInAs(page, role);
  return page;
}

test("every page type and file carries the security headers, and nothing personal is cached", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { election, row, missionId, token } = await accreditedBadge(browser, page, "HD");
  await openForReview(page, election.title);
  const badge = (await page.getByRole("link", { name: `Badge (PDF): ${nameOf(row)}` }).getAttribute("href"))!;
  const observer = badge.split("/")[3]!;
  const electionId = await page.request
    .get("/en/commission/exports")
    .then((r) => r.text())
    .then((html) => html.match(new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>[^<]*${election.title}`))?.[1]);
  expect(electionId).toBeTruthy();

  const anonymous = (await browser.newContext()).request;
  await expectAll(anonymous, "cachedPage", ["/en", "/ru/elections", `/tk/elections/${election.code}`, `/en/elections/${election.code}/register`, "/en/statements"]);
  await expectAll(anonymous, "page", ["/en/sign-in", "/en/forgot-password", `/en/verify?t=${token}`, "/en/no-such-page"]);
  await expectAll(anonymous, "publicFile", [
    "/.well-known/jwks.json",
    "/robots.txt",
    "/sitemap.xml",
    "/badge-check-sw.js",
    "/api/health",
    "/api/feeds/statements?locale=en",
    "/api/badges/revoked",
    `/api/elections/${election.code}/register?locale=en`,
  ]);
  await expectAll(anonymous, "privateFile", [`/api/badges/${claimsOf(token).jti as string}/photo`, `/api/applications/${missionId}/letter`, badge]);

  const coordinator = await signedIn(browser, "coordinator");
  await expectAll(coordinator.request, "page", ["/en/portal", `/en/portal/applications/${missionId}`, "/en/portal/meetings", "/en/commission", "/en/account"]);
  await expectAll(coordinator.request, "privateFile", [
    `/api/applications/${missionId}/letter`,
    `/api/observers/${observer}/photo`,
    badge,
    `/api/meetings/export/${missionId}?locale=en`,
    "/api/observer-template?locale=en&format=csv",
  ]);

  const other = await signedIn(browser, "otherCoordinator");
  await expectAll(other.request, "privateFile", [`/api/applications/${missionId}/letter`, `/api/observers/${observer}/photo`]);

  await expectAll(page.request, "page", ["/en/commission", `/en/commission/applications/${missionId}`, "/en/commission/statements"]);
  await expectAll(page.request, "privateFile", [`/api/exports/accredited?election=${electionId}&format=csv&locale=en`, `/api/applications/${missionId}/badges`]);

  const admin = await signedIn(browser, "admin");
  await expectAll(admin.request, "page", ["/en/commission/admin/audit", "/en/commission/admin/outbox"]);
  await Promise.all([coordinator.context().close(), other.context().close(), admin.context().close()]);
});

test("the session's cookies are out of scripts' reach and not sent cross-site", async ({ page, context }) => {
  await signInAs(page, "coordinator");
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name)).toContain("authjs.session-token");
  for (const cookie of cookies.filter((c) => c.name.startsWith("authjs."))) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe("Lax");
    expect(cookie.path, cookie.name).toBe("/");
  }
  // What a script on the page could read: no part of the session.
  expect(await page.evaluate(() => document.cookie)).not.toContain("authjs");
});
