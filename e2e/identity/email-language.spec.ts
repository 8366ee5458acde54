import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInWithPassword } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { newCoordinator, strongPassword } from "./accounts";

test("a coordinator chooses Russian for their emails on the account page; the next email the portal sends them is in Russian", async ({ page, browser }) => {
  const address = await newCoordinator(browser);
  await signInWithPassword(page, address, "en", strongPassword);
  await expect(page).toHaveURL(/\/en\/portal$/);
  await page.goto("/en/account");
  const choice = page.getByRole("group", { name: "Which language should the portal write to you in?" });
  await expect(choice.getByRole("radio", { name: "English" })).toBeChecked();
  await choice.getByRole("radio", { name: "Русский" }).check();
  await page.getByRole("button", { name: "Save the language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveText("Saved. The portal's emails to you will be in the language you chose.");
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(choice.getByRole("radio", { name: "Русский" })).toBeChecked();
  await expect(choice.getByRole("radio", { name: "English" })).not.toBeChecked();

  // The page stays in English: the choice is the emails' language, read when an email is queued.
  const askedAt = new Date();
  const stranger = await browser.newContext();
  const forgot = await stranger.newPage();
  await forgot.goto("/en/forgot-password");
  await forgot.getByLabel("Email address").fill(address);
  await forgot.getByRole("button", { name: "Send the link" }).click();
  await expect(forgot.getByRole("status")).toContainText("If this address has an account");
  const email = await waitForEmail(address, { since: askedAt });
  expect(email.subject).toBe("Сброс пароля");
  await stranger.close();
});
