import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInAs } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { newCoordinator } from "./accounts";

test("an admin opens the Outbox from the administration page, in every language", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin");
  await page.getByRole("link", { name: "Outbox", exact: true }).click();

  await expect(page).toHaveURL(/\/en\/commission\/admin\/outbox$/);
  await expect(page).toHaveTitle(/Outbox/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outbox");
  await expect(page.getByRole("table", { name: "Emails of the portal" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Queued/ })).toHaveAttribute("aria-sort", "descending");
  // The e2e server has a mail server (the sink), so no "not configured" notice.
  await expect(page.getByRole("heading", { name: "No mail server is configured" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto("/ru/commission/admin/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Исходящая почта");
  await expect(page.getByRole("table", { name: "Письма портала" })).toBeVisible();
  await page.goto("/tk/commission/admin/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iberilýän hatlar");
  await expect(page.getByRole("button", { name: "Süzgüçleri ulan" })).toBeVisible();
});

test("filters by status and recipient are applied in the list, kept in the address and cleared", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/outbox");
  const nobody = `nobody-${randomBytes(4).toString("hex")}@e2e.example`;

  await page.getByLabel("Status").selectOption({ label: "Failed" });
  await page.getByLabel("Recipient").fill(nobody);
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL((url) => url.searchParams.get("status") === "failed" && url.searchParams.get("recipient") === nobody);
  await expect(page.getByRole("cell", { name: "No emails match these filters." })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "0 emails" })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("failed");
  await expect(page.getByLabel("Recipient")).toHaveValue(nobody);
  await expectNoAxeViolations(page);

  // The same view from a shared link, then back to everything.
  await page.goto(`/en/commission/admin/outbox?status=failed&recipient=${encodeURIComponent(nobody)}`);
  await expect(page.getByRole("cell", { name: "No emails match these filters." })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/en\/commission\/admin\/outbox$/);
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByLabel("Recipient")).toHaveValue("");
  await expect(page.getByRole("link", { name: "Clear filters" })).toHaveCount(0);
});

test("a status that does not exist in the address is ignored, not an error", async ({ page }) => {
  await signInAs(page, "admin", "ru");
  const response = await page.goto("/ru/commission/admin/outbox?status=delivered&page=abc");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Исходящая почта");
  await expect(page.getByLabel("Статус")).toHaveValue("");
  // A recipient with a character the database cannot hold (NUL) is searched without it.
  expect((await page.goto("/ru/commission/admin/outbox?recipient=%00"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Исходящая почта");
});

test("an email page exists only for an outbox id: anything else is not found", async ({ page }) => {
  await signInAs(page, "admin");
  for (const id of ["not-an-id", randomUUID(), "1%27%20or%201=1"]) {
    const response = await page.goto(`/en/commission/admin/outbox/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
});

test("an admin reads a password-reset email without the link's token, so cannot take over the account", async ({ page, browser }) => {
  const address = await newCoordinator(browser);
  const askedAt = new Date();
  await page.goto("/en/forgot-password");
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Send the link" }).click();
  const sent = await waitForEmail(address, { since: askedAt });
  const token = sent.links.find((l) => l.includes("/reset-password/"))!.split("/reset-password/")[1]!;

  await signInAs(page, "admin");
  await page.goto(`/en/commission/admin/outbox?recipient=${encodeURIComponent(address)}`);
  await page.getByRole("link", { name: "Reset your password" }).click();
  await expect(page.getByText("Sign-in links (invitations, password resets) are shown without their secret part")).toBeVisible();
  await expect(page.locator("pre")).toContainText("/en/reset-password/…");
  expect(await page.content()).not.toContain(token);
  await expect(page.getByRole("link", { name: /reset-password/ })).toHaveCount(0);
});
