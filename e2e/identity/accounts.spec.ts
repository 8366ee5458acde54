import { expect, test } from "@playwright/test";
import { demoAccounts, errorSummary, expectNoAxeViolations, signInAs, signInWithPassword } from "../fixtures";

// A seeded coordinator no other spec signs in with: this spec disables and enables it.
const sco = { email: "coordinator.sco@portal.example", name: "Li Wei" };

test("disabling a coordinator signs them out at their next page load; once enabled they sign in again", async ({ page, browser }) => {
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInWithPassword(coordinator, sco.email);
  await expect(coordinator).toHaveURL(/\/en\/portal$/);

  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/coordinators");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coordinator accounts");
  await page.getByLabel("Organization").selectOption({ label: "SCO — Secretariat of the Shanghai Cooperation Organisation" });
  await page.getByRole("button", { name: "Show" }).click();
  const row = page.getByRole("row").filter({ hasText: sco.email });
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: `Disable (${sco.name})` }).click();
  const dialog = page.getByRole("dialog", { name: `Disable the account of ${sco.name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Disable account" }).click();
  await expect(row.getByRole("status")).toHaveText(`The account of ${sco.name} was disabled.`);
  await expect(row).toContainText("Disabled");

  // Their open session ends at the next request, and the password no longer lets them in.
  await coordinator.reload();
  await expect(coordinator).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fportal$/);
  await signInWithPassword(coordinator, sco.email);
  await expect(errorSummary(coordinator)).toContainText("The email address or password is not correct.");

  await row.getByRole("button", { name: `Enable (${sco.name})` }).click();
  await page.getByRole("dialog", { name: `Enable the account of ${sco.name}?` }).getByRole("button", { name: "Enable account" }).click();
  await expect(row.getByRole("status")).toHaveText(`The account of ${sco.name} was enabled.`);
  await expect(row).toContainText("Active");

  await signInWithPassword(coordinator, sco.email);
  await expect(coordinator).toHaveURL(/\/en\/portal$/);
  await coordinatorContext.close();
});

test("cancelling the confirmation changes nothing", async ({ page }) => {
  await signInAs(page, "admin", "ru");
  await page.goto("/ru/commission/admin/coordinators?q=coordinator.uzcec");
  const row = page.getByRole("row").filter({ hasText: "coordinator.uzcec@portal.example" });
  await row.getByRole("button", { name: "Отключить (Dilnoza Karimova)" }).click();
  const dialog = page.getByRole("dialog", { name: "Отключить учётную запись: Dilnoza Karimova?" });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "coordinator.uzcec@portal.example" })).toContainText("Активна");
});

test("the staff list shows roles, second factor and status, and never offers admins to disable themselves", async ({ page }) => {
  await signInAs(page, "admin", "tk");
  await page.goto("/tk/commission/admin/staff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Işgärleriň hasaplary");
  const table = page.getByRole("table", { name: "Arzalara seredýän işgärler we administratorlar" });
  await expect(table.getByRole("columnheader", { name: "Iki tapgyrly barlag" })).toBeVisible();
  const own = table.getByRole("row").filter({ hasText: demoAccounts.admin.email });
  await expect(own).toContainText("Administrator");
  await expect(own).toContainText("Bu siziň öz hasabyňyz");
  await expect(own.getByRole("button")).toHaveCount(0);
  const reviewer = table.getByRole("row").filter({ hasText: demoAccounts.reviewer.email });
  await expect(reviewer).toContainText("Arzalara seredýän işgär");
  await expect(reviewer).toContainText("Işjeň");
  await expect(reviewer.getByRole("button", { name: `Petiklemek (${demoAccounts.reviewer.name})` })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: `Administrator etmek (${demoAccounts.reviewer.name})` })).toBeVisible();
  // The demo staff come enrolled: their second factor can be reset (not done here: other specs use them).
  await expect(reviewer.getByRole("cell", { name: "Sazlanan" })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: `Iki tapgyrly barlagy täzeden düzmek (${demoAccounts.reviewer.name})` })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "coordinator." })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Arzalara seredýän işgäri çagyrmak" })).toHaveAttribute("href", "/tk/commission/admin/invitations/new?role=reviewer");
  await expect(page.getByRole("link", { name: "Administratory çagyrmak" })).toHaveAttribute("href", "/tk/commission/admin/invitations/new?role=admin");

  await page.getByLabel("Ýagdaýy").selectOption({ label: "Petiklenen" });
  await page.getByRole("button", { name: "Görkez" }).click();
  await expect(table.getByRole("row").filter({ hasText: demoAccounts.reviewer.email })).toHaveCount(0);
});

test("account pages have no axe violations, also with a confirmation open", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/staff");
  await expectNoAxeViolations(page);
  await page.goto("/en/commission/admin/coordinators");
  await expectNoAxeViolations(page);
  await page.getByRole("row").filter({ hasText: "coordinator.ots@portal.example" }).getByRole("button", { name: "Disable (Aylin Demir)" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoAxeViolations(page);
});
