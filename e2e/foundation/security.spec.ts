import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

const scriptSrc = (csp: string | undefined) => csp?.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";

test("signed-in pages get a per-request nonce and no inline-script allowance", async ({ page }) => {
  await signInAs(page, "reviewer");
  const first = await page.goto("/en/commission");
  const second = await page.goto("/en/commission");
  const [a, b] = [scriptSrc(first?.headers()["content-security-policy"]), scriptSrc(second?.headers()["content-security-policy"])];
  expect(a).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(a).not.toContain("'unsafe-inline'");
  expect(a).not.toContain("'unsafe-eval'");
  expect(a).not.toEqual(b);
  // Next's own scripts carry the nonce, so the page still works (the sign-out button is interactive).
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
});

test("every page and file has the security headers", async ({ request }) => {
  for (const path of ["/en", "/en/sign-in", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp, path).toContain(directive);
    }
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBeTruthy();
    expect(headers["permissions-policy"], path).toBeTruthy();
  }
});

test("signing out asks first, and cancelling keeps the session", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.getByRole("button", { name: "Sign out" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out of the portal?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page).toHaveURL(/\/en\/portal$/);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAs(page, "coordinator");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database.status).toBe("up");
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("pages rendered per request carry a request id for support; pages served from the cache are the same bytes for everyone", async ({ request }) => {
  for (const path of ["/en/sign-in", "/en/verify", "/en/no-such-page"]) {
    expect((await request.get(path)).headers()["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
  }
  expect((await request.get("/en")).headers()["x-request-id"]).toBeUndefined();
});
