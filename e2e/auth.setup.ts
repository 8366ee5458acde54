import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, staffStatePath, totpCode } from "./fixtures";

// Staff sign in once, with password and authenticator code, and every test reuses the session:
// a TOTP code is accepted only once, so tests cannot each sign in with one.
for (const role of ["admin", "reviewer"] as const) {
  setup(`${role} signs in with password and authenticator code`, async ({ page }) => {
    const account = demoAccounts[role];
    await page.goto("/en/sign-in");
    await page.locator("#email").fill(account.email);
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\/two-factor$/);
    await page.locator("#code").fill(totpCode(account.totpSecret));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/en\/commission$/);
    mkdirSync("e2e/.auth", { recursive: true });
    await page.context().storageState({ path: staffStatePath(role) });
  });
}
