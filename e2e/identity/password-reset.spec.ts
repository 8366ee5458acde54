import { expect, test } from "@playwright/test";
import { errorSummary, signInWithPassword } from "../fixtures";
import { emailsTo, waitForEmail } from "../mail-sink";
import { freshAddress, newCoordinator, strongPassword } from "./accounts";

test("a forgotten password is reset by the emailed link, once; the old password stops working", async ({ page, browser }) => {
  const address = await newCoordinator(browser);
  const askedAt = new Date();
  await page.goto("/en/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in form has an "Email address" field too: wait for the new page before filling.
  await expect(page).toHaveURL(/\/en\/forgot-password$/);
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText("If this address has an account, a link is on its way. Check your inbox, and your spam folder.");
  const email = await waitForEmail(address, { since: askedAt });
  expect(email.subject).toBe("Reset your password");
  const link = email.links.find((l) => l.includes("/reset-password/"))!;

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("another sturdy passphrase");
  await page.getByLabel("Repeat the new password").fill("another sturdy passphrase!");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.locator("#passwordConfirmation-error")).toHaveText("The two passwords do not match.");
  await page.getByLabel("Repeat the new password").fill("another sturdy passphrase");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\?passwordReset=1$/);

  await signInWithPassword(page, address, "en", strongPassword);
  await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
  await signInWithPassword(page, address, "en", "another sturdy passphrase");
  await expect(page).toHaveURL(/\/en\/portal$/);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has been used");
});

test("the request page answers the same for an address without an account, and sends nothing", async ({ page }) => {
  const address = freshAddress("nobody");
  await page.goto("/en/forgot-password");
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText("If this address has an account, a link is on its way. Check your inbox, and your spam folder.");
  await page.waitForTimeout(1500);
  expect(emailsTo(address)).toEqual([]);
});

test("changing the password signs out the user's other devices", async ({ browser }) => {
  const address = await newCoordinator(browser);
  const [laptop, phone] = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
  for (const page of [laptop, phone]) {
    await signInWithPassword(page, address, "en", strongPassword);
    await expect(page).toHaveURL(/\/en\/portal$/);
  }
  await laptop.goto("/en/account");
  await laptop.getByLabel("Current password").fill(strongPassword);
  // The server refuses a common password; once that is corrected, the browser's own check (the
  // repetition differs) must not leave the server's earlier message standing.
  await laptop.getByLabel("New password", { exact: true }).fill("password1234");
  await laptop.getByLabel("Repeat the new password").fill("password1234");
  await laptop.getByRole("button", { name: "Change the password" }).click();
  await expect(errorSummary(laptop).getByRole("link")).toHaveText(["New password: This password is too common. Choose one that others are unlikely to use."]);
  await laptop.getByLabel("New password", { exact: true }).fill("a changed passphrase 9");
  await laptop.getByLabel("Repeat the new password").fill("a changed passphrase 8");
  await laptop.getByRole("button", { name: "Change the password" }).click();
  await expect(errorSummary(laptop).getByRole("link")).toHaveText(["Repeat the new password: The two passwords do not match."]);
  await expect(laptop.getByText("This password is too common.")).toHaveCount(0);
  await laptop.getByLabel("New password", { exact: true }).fill("a changed passphrase 9");
  await laptop.getByLabel("Repeat the new password").fill("a changed passphrase 9");
  await laptop.getByRole("button", { name: "Change the password" }).click();
  await expect(laptop.getByRole("status")).toHaveText("Your password has been changed. Every other device has been signed out.");
  await laptop.goto("/en/portal");
  await expect(laptop).toHaveURL(/\/en\/portal$/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/en\/sign-in\?next=/);
});
