import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, signInAs, errorSummary, signOutFromHeader } from "../fixtures";

test("the admin signs in and lands in the commission workspace", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commission workspace");
  await expect(page.getByText(demoAccounts.admin.name)).toBeVisible();
  await expect(page.getByText("Administrator")).toBeVisible();
});

test("the reviewer signs in and lands in the commission workspace", async ({ page }) => {
  await signInAs(page, "reviewer", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Кабинет Центральной комиссии");
  await expect(page.getByText("Проверяющий", { exact: true })).toBeVisible();
});

test("a coordinator signs in and lands in the mission workspace with their organization", async ({ page }) => {
  await signInAs(page, "coordinator", "tk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Missiýanyň iş sahypasy");
  await expect(page.getByText("ÝHHG-niň Demokratik institutlar we adam hukuklary boýunça edarasy (OSCE/ODIHR)")).toBeVisible();
  await expect(page.getByText("Missiýanyň koordinatory")).toBeVisible();
});

test("a wrong password gets one generic message and keeps the email", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.locator("#email").fill(demoAccounts.reviewer.email);
  await page.locator("#password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText("The email address or password is not correct.");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error:/);
  await expect(page.locator("#email")).toHaveValue(demoAccounts.reviewer.email);
  await expect(page).toHaveURL(/\/en\/sign-in$/);
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.locator("#email").fill("nobody@portal.example");
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
});

test("empty fields are reported at the field and in the summary, which names and links to them", async ({ page }) => {
  await page.goto("/tk/sign-in");
  await page.getByRole("button", { name: "Gir" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  // Read alone, the summary says which field each message is about.
  await expect(summary.getByRole("link")).toHaveText(["Elektron poçta salgysy: Bu meýdany dolduryň.", "Açar sözi: Bu meýdany dolduryň."]);
  await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText("Bu meýdany dolduryň.");
  await summary.getByRole("link").first().click();
  await expect(page.locator("#email")).toBeFocused();
});

test("the server rejects what the browser would: a malformed email posted without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.locator("#email").fill("not-an-email");
  await page.locator("#password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter an email address like name@example.org.");
  await context.close();
});

test("a signed-out visitor is sent to sign-in and returned to the page asked for", async ({ page }) => {
  await page.goto("/en/commission");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fcommission$/);
  await page.goto("/en/portal");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fportal$/);
  await page.locator("#email").fill(demoAccounts.coordinator.email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/portal$/);
});

test("a return address outside the user's workspace is ignored", async ({ page }) => {
  await page.goto("/en/sign-in?next=https://evil.example/steal");
  await page.locator("#email").fill(demoAccounts.coordinator.email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/portal$/);
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "coordinator");
  await signOutFromHeader(page);
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/en/portal");
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test("the sign-out page signs out without the header button", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/en/sign-out");
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await page.goto("/en/sign-out");
  await expect(page.getByText("You are signed out.")).toBeVisible();
});
