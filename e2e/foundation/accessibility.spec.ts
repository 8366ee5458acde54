import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInAs, errorSummary, signOutFromHeader } from "../fixtures";

test("home has no axe violations, also on a 320 px screen", async ({ page }) => {
  await page.goto("/tk");
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("sign-in has no axe violations, with and without errors", async ({ page }) => {
  await page.goto("/ru/sign-in");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("both workspaces have no axe violations", async ({ page }) => {
  await signInAs(page, "coordinator");
  await expectNoAxeViolations(page);
  await signOutFromHeader(page);
  await signInAs(page, "admin");
  await expectNoAxeViolations(page);
});

test("sign-in works by keyboard alone, starting from the skip link", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.locator("#email").focus();
  await page.keyboard.type("coordinator.odihr@portal.example");
  await page.keyboard.press("Tab");
  await expect(page.locator("#password")).toBeFocused();
  await page.keyboard.type("Observe-2026-demo");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/portal$/);
});
