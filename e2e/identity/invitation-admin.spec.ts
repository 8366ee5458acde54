import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signInAs } from "../fixtures";

/**
 * The administrator's side of invitations, up to the email being queued: prefilled links,
 * revoking and resending with a confirmation, replacing, filtering. Following the emailed link
 * is in invitations.spec.ts (it needs the mail sink).
 */
const freshAddress = (label: string) => `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;

async function sendInvitation(page: Page, email: string, role: "Reviewer" | "Administrator" = "Reviewer") {
  await page.goto("/en/commission/admin/invitations/new");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption({ label: role });
  await page.getByRole("button", { name: "Send the invitation" }).click();
  // The address comes from the invitation the link names, not from the link: no link can make it say another.
  await expect(page).toHaveURL(/\/en\/commission\/admin\/invitations\?sent=[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toHaveText(`The invitation to ${email} is on its way.`);
}

const rowsOf = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

test.beforeEach(async ({ page }) => {
  await signInAs(page, "admin");
});

test("the new-invitation form takes its role and organization from the link that opened it", async ({ page }) => {
  await page.goto("/en/commission/admin/invitations/new");
  const organization = page.getByLabel("Organization");
  const ots = await organization.locator("option", { hasText: "Organization of Turkic States" }).getAttribute("value");
  expect(ots).toMatch(/^[0-9a-f-]{36}$/);

  await page.goto(`/en/commission/admin/invitations/new?role=coordinator&organization=${ots}`);
  await expect(page.getByLabel("Role")).toHaveValue("coordinator");
  await expect(page.getByLabel("Organization")).toHaveValue(ots!);

  // Staff belong to no organization: the field is not offered.
  await page.goto("/en/commission/admin/invitations/new?role=admin");
  await expect(page.getByLabel("Role")).toHaveValue("admin");
  await expect(page.getByLabel("Organization")).toHaveCount(0);

  // A role that cannot be invited is not taken from the link.
  await page.goto("/en/commission/admin/invitations/new?role=observer");
  await expect(page.getByLabel("Role")).toHaveValue("coordinator");
  await expectNoAxeViolations(page);
});

test("revoking asks first: cancelling keeps the invitation, confirming revokes it", async ({ page }) => {
  const email = freshAddress("revoke");
  await sendInvitation(page, email);
  await expect(rowsOf(page, email)).toContainText("Pending");

  await rowsOf(page, email).getByRole("button", { name: `Revoke ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke this invitation?" });
  await expect(dialog).toContainText(`The link sent to ${email} will stop working.`);
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowsOf(page, email)).toContainText("Pending");

  await rowsOf(page, email).getByRole("button", { name: `Revoke ${email}` }).click();
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status")).toHaveText("The invitation has been revoked. Its link no longer works.");
  await expect(rowsOf(page, email)).toContainText("Revoked");
  await expect(rowsOf(page, email).getByRole("button", { name: `Revoke ${email}` })).toHaveCount(0);
});

test("resending asks first, then replaces the link: the old row reads Revoked and a new one is pending", async ({ page }) => {
  const email = freshAddress("resend");
  await sendInvitation(page, email, "Administrator");

  await rowsOf(page, email).getByRole("button", { name: `Send a new link ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: "Send a new link?" });
  await expect(dialog).toContainText(`A new link valid for 7 days will be emailed to ${email}. The link sent before will stop working.`);
  await dialog.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByRole("status")).toHaveText("A new link is on its way. The previous link no longer works.");

  await expect(rowsOf(page, email)).toHaveCount(2);
  await expect(rowsOf(page, email).filter({ hasText: "Pending" })).toHaveCount(1);
  await expect(rowsOf(page, email).filter({ hasText: "Revoked" })).toHaveCount(1);
  await expect(rowsOf(page, email).first()).toContainText("Administrator");
});

test("inviting an address again replaces its pending invitation", async ({ page }) => {
  const email = freshAddress("twice");
  await sendInvitation(page, email);
  await sendInvitation(page, email, "Administrator");
  await expect(rowsOf(page, email)).toHaveCount(2);
  // Newest first: the administrator invitation is the one still open.
  await expect(rowsOf(page, email).first()).toContainText("Administrator");
  await expect(rowsOf(page, email).first()).toContainText("Pending");
  await expect(rowsOf(page, email).nth(1)).toContainText("Revoked");
});

test("the list filters by status, in the page's language", async ({ page }) => {
  const email = freshAddress("filter");
  await sendInvitation(page, email);
  await rowsOf(page, email).getByRole("button", { name: `Revoke ${email}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  await page.goto("/ru/commission/admin/invitations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Приглашения");
  await page.getByLabel("Статус").selectOption({ label: "Отозвано" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/\/ru\/commission\/admin\/invitations\?status=revoked$/);
  await expect(rowsOf(page, email)).toContainText("Отозвано");
  const statuses = await page.locator("tbody td[data-label='Статус']").allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["Отозвано"]));

  await page.getByLabel("Статус").selectOption({ label: "Ожидает" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/status=pending$/);
  await expect(rowsOf(page, email)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a link that names an address instead of an invitation shows no notice", async ({ page }) => {
  for (const sent of ["someone%40elsewhere.example", randomUUID()]) {
    expect((await page.goto(`/en/commission/admin/invitations?sent=${sent}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0);
  }
});
