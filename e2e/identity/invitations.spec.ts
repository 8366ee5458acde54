import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, errorSummary, signInAs, totpCode } from "../fixtures";
import { acceptMailFor, refusalsFor, waitForEmail } from "../mail-sink";
import { freshAddress, invite, strongPassword } from "./accounts";

test("a coordinator invited in Russian accepts the emailed link, is signed in and the link is then spent", async ({ page, browser }) => {
  const address = freshAddress("ivan");
  const { email, link } = await invite(page, {
    email: address,
    role: "Mission coordinator",
    organization: "Secretariat of the Shanghai Cooperation Organisation",
    language: "Русский",
  });
  expect(email.subject).toBe("Приглашение на Портал международных наблюдателей");
  expect(email.text).toContain("Секретариат Шанхайской организации сотрудничества");

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee).toHaveURL(/\/ru\/invitation\//);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Принять приглашение");
  await expectNoAxeViolations(invitee);
  // The rules are checked: a short password, then one containing the address's name part.
  await invitee.getByLabel("Ваше полное имя").fill("Иван Сидоров");
  await invitee.getByLabel("Новый пароль", { exact: true }).fill("short");
  await invitee.getByLabel("Повторите новый пароль").fill("short");
  await invitee.getByRole("button", { name: "Создать учётную запись" }).click();
  await expect(errorSummary(invitee)).toContainText("Пароль должен содержать не менее 12 символов.");
  await invitee.getByLabel("Новый пароль", { exact: true }).fill("password1234");
  await invitee.getByLabel("Повторите новый пароль").fill("password1234");
  await invitee.getByRole("button", { name: "Создать учётную запись" }).click();
  await expect(invitee.locator("#password-error")).toHaveText("Этот пароль слишком распространён. Выберите менее предсказуемый.");
  await expect(invitee.getByLabel("Ваше полное имя")).toHaveValue("Иван Сидоров");
  await invitee.getByLabel("Новый пароль", { exact: true }).fill(strongPassword);
  await invitee.getByLabel("Повторите новый пароль").fill(strongPassword);
  await invitee.getByLabel("Язык портала и ваших писем").selectOption({ label: "Русский" });
  await invitee.getByRole("button", { name: "Создать учётную запись" }).click();
  await expect(invitee).toHaveURL(/\/ru\/portal$/);
  await expect(invitee.getByText("Секретариат Шанхайской организации сотрудничества (SCO)")).toBeVisible();

  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Приглашение уже использовано");
});

test("an invited reviewer must set up two-step verification before the commission workspace", async ({ page, browser }) => {
  const address = freshAddress("reviewer");
  const { link } = await invite(page, { email: address, role: "Reviewer", language: "Türkmençe" });
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await invitee.getByLabel("Doly adyňyz").fill("Maýsa Berdiýewa");
  await invitee.getByLabel("Täze açar sözi", { exact: true }).fill(strongPassword);
  await invitee.getByLabel("Täze açar sözüni gaýtalaň").fill(strongPassword);
  await invitee.getByRole("button", { name: "Hasabymy döretmek" }).click();
  await expect(invitee).toHaveURL(/\/tk\/two-factor\/setup$/);
  await invitee.goto("/tk/commission");
  await expect(invitee).toHaveURL(/\/tk\/two-factor\/setup$/);
  const secret = (await invitee.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  await invitee.locator("#code").fill(totpCode(secret));
  await invitee.getByRole("button", { name: "Iki tapgyrly barlagy açmak" }).click();
  await expect(invitee.locator(".recovery-codes li")).toHaveCount(10);
  await invitee.getByRole("link", { name: "Dowam et" }).click();
  await expect(invitee).toHaveURL(/\/tk\/commission$/);
});

test("a revoked invitation's link explains itself; resending sends a new link that works", async ({ page, browser }) => {
  const address = freshAddress("revoked");
  const { link } = await invite(page, { email: address, role: "Administrator" });
  await page.goto("/en/commission/admin/invitations?status=pending");
  const row = page.getByRole("row").filter({ hasText: address });
  await row.getByRole("button", { name: `Revoke ${address}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row").filter({ hasText: address }).getByText("Revoked", { exact: true })).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This invitation was withdrawn");

  const resentAt = new Date();
  await page.getByRole("row").filter({ hasText: address }).first().getByRole("button", { name: `Send a new link ${address}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send a new link" }).click();
  const second = await waitForEmail(address, { since: resentAt });
  const newLink = second.links.find((l) => l.includes("/invitation/"))!;
  expect(newLink).not.toBe(link);
  await visitor.goto(newLink);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Accept your invitation");
});

test("an unknown invitation link is a 404", async ({ page }) => {
  const response = await page.goto(`/en/invitation/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
});

test("an invitation queued while the mail server is down is delivered once it is back", async ({ page }) => {
  const address = `late.${Date.now()}+down@e2e.example`;
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/invitations/new");
  await page.getByLabel("Email address").fill(address);
  await page.getByLabel("Role").selectOption({ label: "Reviewer" });
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText(address);
  await expect.poll(() => refusalsFor(address), { timeout: 20_000 }).toBeGreaterThan(0);
  acceptMailFor(address);
  const email = await waitForEmail(address);
  expect(email.subject).toBe("Your invitation to the International Observer Portal");
});

test("the admin form reports its errors at the fields and in the summary", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/invitations/new");
  await page.getByLabel("Email address").fill("admin@portal.example");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(errorSummary(page)).toContainText("Choose the organization the coordinator will act for.");
  await page.getByLabel("Organization").selectOption({ label: "Organization of Turkic States" });
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.locator("#email-error")).toHaveText("An account with this email address already exists.");
  await expect(page.getByLabel("Email address")).toHaveValue("admin@portal.example");
  await expectNoAxeViolations(page);
});
