import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The seeded demo accounts (db/seed.ts); every one uses the same demo password. */
export const DEMO_PASSWORD = "Observe-2026-demo";
export const demoAccounts = {
  admin: { email: "admin@portal.example", name: "Aýna Annaýewa", workspace: "/commission" },
  reviewer: { email: "reviewer@portal.example", name: "Merdan Berdiýew", workspace: "/commission" },
  coordinator: { email: "coordinator.odihr@portal.example", name: "Anna Kowalska", workspace: "/portal", organization: "OSCE/ODIHR" },
} as const;
export type DemoRole = keyof typeof demoAccounts;

export const locales = ["tk", "ru", "en"] as const;

/** Signs in through the form, as a user would, and waits for the workspace. */
export async function signInAs(page: Page, role: DemoRole, locale: (typeof locales)[number] = "en") {
  const account = demoAccounts[role];
  await page.goto(`/${locale}/sign-in`);
  await page.locator("#email").fill(account.email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("form.form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}${account.workspace}$`));
}

/** axe-core against WCAG 2.0–2.2 A and AA rules; any violation fails the test with its details. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
}

/** The form's error summary (Next's route announcer is an alert too). */
export const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

/** Signs out with the header button and confirms in the dialog. */
export async function signOutFromHeader(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
}
