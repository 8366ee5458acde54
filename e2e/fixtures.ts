import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/** The seeded demo accounts (db/seed.ts); every one uses the same demo password. */
export const DEMO_PASSWORD = "Observe-2026-demo";
export const demoAccounts = {
  admin: { email: "admin@portal.example", name: "Aýna Annaýewa", workspace: "/commission", totpSecret: "CNVQVQKKMLCP3TCL2BXIQJYCMRUPAE7I" },
  reviewer: { email: "reviewer@portal.example", name: "Merdan Berdiýew", workspace: "/commission", totpSecret: "UGIT7ETJRWBXZGMPEKQVU5NMSUETRFFU" },
  coordinator: { email: "coordinator.odihr@portal.example", name: "Anna Kowalska", workspace: "/portal", organization: "OSCE/ODIHR" },
} as const;
export type DemoRole = keyof typeof demoAccounts;

export const locales = ["tk", "ru", "en"] as const;

/** The authenticator code for a secret, `stepsAhead` 30-second steps from now (the server accepts ±1). */
export function totpCode(secretBase32: string, stepsAhead = 0) {
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32.replace(/\s+/g, "")), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

export const staffStatePath = (role: "admin" | "reviewer") => `e2e/.auth/${role}.json`;

/**
 * Signs in as a demo role. A coordinator signs in through the form; staff reuse the session
 * e2e/auth.setup.ts made (with their second factor). Never sign out or disable the demo staff in
 * a test: every test shares their sessions.
 */
export async function signInAs(page: Page, role: DemoRole, locale: (typeof locales)[number] = "en") {
  const account = demoAccounts[role];
  if (role === "admin" || role === "reviewer") {
    const state = JSON.parse(readFileSync(staffStatePath(role), "utf8")) as { cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0] };
    await page.context().addCookies(state.cookies);
    await page.goto(`/${locale}${account.workspace}`);
  } else {
    await signInWithPassword(page, account.email, locale);
  }
  await expect(page).toHaveURL(new RegExp(`/${locale}${account.workspace}$`));
}

/** The sign-in form, for accounts without a second factor. */
export async function signInWithPassword(page: Page, email: string, locale: (typeof locales)[number] = "en", password = DEMO_PASSWORD) {
  await page.goto(`/${locale}/sign-in`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form.form button[type=submit]").click();
}

/**
 * axe-core against WCAG 2.0–2.2 A and AA rules; any violation that lasts fails the test with its
 * details. A link followed in the browser swaps the page (and, a moment later, its title) while
 * axe may be reading it, so the check is repeated for a few seconds before it counts.
 */
export async function expectNoAxeViolations(page: Page) {
  await expect(async () => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
  }).toPass({ timeout: 5_000 });
}

/** The form's error summary (Next's route announcer is an alert too). */
export const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

/** Signs out with the header button and confirms in the dialog. */
export async function signOutFromHeader(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
}
