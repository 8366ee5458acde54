import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, errorSummary, signInWithPassword, signOutFromHeader, totpCode } from "../fixtures";
import { newCoordinator, strongPassword } from "./accounts";

test("staff need a code after the password: a wrong one is refused, the right one lets them in", async ({ page }) => {
  await signInWithPassword(page, demoAccounts.reviewer.email);
  await expect(page).toHaveURL(/\/en\/sign-in\/two-factor$/);
  // The password alone opened nothing.
  await page.goto("/en/commission");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
  await page.goBack();
  await page.locator("#code").fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#code-error")).toHaveText("Enter the 6-digit code from your authenticator app, or a recovery code.");
  // The setup project used this step's code already: a code is accepted once, so take the next step's.
  await page.locator("#code").fill(totpCode(demoAccounts.reviewer.totpSecret, 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/commission$/);
});

async function enrol(page: Page) {
  await page.goto("/en/two-factor/setup");
  await expect(page.getByRole("img", { name: "QR code to add this portal to an authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  await page.locator("#code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification is on" })).toBeVisible();
  const codes = await page.locator(".recovery-codes code").allTextContents();
  return { secret, codes };
}

test("a coordinator enrols an authenticator; a recovery code works once; codes from the app work after", async ({ page }) => {
  const email = "coordinator.cis@portal.example";
  await signInWithPassword(page, email);
  await expect(page).toHaveURL(/\/en\/portal$/);
  const { secret, codes } = await enrol(page);
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  await signOutFromHeader(page);

  await signInWithPassword(page, email);
  await expect(page).toHaveURL(/\/en\/sign-in\/two-factor$/);
  await page.locator("#code").fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/portal$/);
  await signOutFromHeader(page);

  await signInWithPassword(page, email);
  await page.locator("#code").fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await page.locator("#code").fill(totpCode(secret, 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/portal$/);
  await page.goto("/en/account");
  await expect(page.getByText("On", { exact: true })).toBeVisible();
});

test("five wrong passwords lock the account; the message is the same for an unknown address", async ({ page }) => {
  for (const email of ["coordinator.uzcec@portal.example", `nobody-${Date.now()}@portal.example`]) {
    for (let i = 0; i < 5; i++) {
      await signInWithPassword(page, email, "en", "wrong-password-123");
      await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
    }
    await signInWithPassword(page, email, "en", DEMO_PASSWORD);
    await expect(errorSummary(page)).toContainText("Too many failed attempts. Wait 15 minutes and try again.");
    await expect(page).toHaveURL(/\/en\/sign-in$/);
  }
});

test("whoever locks an account with wrong passwords does not lock out a browser its owner signed in from", async ({ browser }) => {
  const email = await newCoordinator(browser);
  // Each party from its own address, so only the account's (or the device's) counter can refuse them.
  const fromAddress = (octet: number) => browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${octet}` } });
  const [owner, attacker, stranger] = [await fromAddress(1), await fromAddress(2), await fromAddress(3)];
  const [ownerPage, attackerPage, strangerPage] = [await owner.newPage(), await attacker.newPage(), await stranger.newPage()];

  await signInWithPassword(ownerPage, email, "en", strongPassword);
  await expect(ownerPage).toHaveURL(/\/en\/portal$/);
  await signOutFromHeader(ownerPage);

  for (let i = 0; i < 5; i++) {
    await signInWithPassword(attackerPage, email, "en", "wrong-password-123");
    await expect(errorSummary(attackerPage)).toContainText("The email address or password is not correct.");
  }
  await signInWithPassword(attackerPage, email, "en", strongPassword);
  await expect(errorSummary(attackerPage)).toContainText("Too many failed attempts. Wait 15 minutes and try again.");

  await signInWithPassword(ownerPage, email, "en", strongPassword);
  await expect(ownerPage).toHaveURL(/\/en\/portal$/);

  await signInWithPassword(strangerPage, email, "en", strongPassword);
  await expect(errorSummary(strangerPage)).toContainText("Too many failed attempts. Wait 15 minutes and try again.");
  await Promise.all([owner.close(), attacker.close(), stranger.close()]);
});

test("sign out everywhere ends the sessions on other devices too", async ({ browser }) => {
  const email = "coordinator.ots@portal.example";
  const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
  const [a, b] = [await laptop.newPage(), await phone.newPage()];
  for (const page of [a, b]) {
    await signInWithPassword(page, email);
    await expect(page).toHaveURL(/\/en\/portal$/);
  }
  await a.goto("/en/account");
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await a.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/\/en\/sign-in\?signedOutEverywhere=1$/);
  await expect(a.getByRole("status")).toHaveText("You are signed out on every device.");
  await b.reload();
  await expect(b).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fportal$/);
  await Promise.all([laptop.close(), phone.close()]);
});

test("Auth.js's own sign-in endpoint takes no password or code: only the limited sign-in form does", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempts: Record<string, string>[] = [
    { email: "coordinator.ots@portal.example", password: DEMO_PASSWORD },
    { challenge: "anything", code: "123456" },
  ];
  for (const fields of attempts) {
    const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, ...fields }, maxRedirects: 0 });
    expect(response.status()).toBe(405);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
  }
});
