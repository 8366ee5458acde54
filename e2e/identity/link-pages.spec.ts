import { expect, test } from "@playwright/test";
import { errorSummary, expectNoAxeViolations } from "../fixtures";

/**
 * The pages behind emailed links when the link does not work, and the password-reset request,
 * in every language. Nothing here needs an email to arrive.
 */
const unknownToken = "Q".repeat(43);

/** A client address of its own, so counting this spec's failed links cannot lock out other specs. */
const fromAddress = (octet: number) => ({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${octet}` } });

test.describe("an invitation link that matches nothing", () => {
  test.use(fromAddress(11));

  for (const [locale, title] of [
    ["en", "This invitation link does not work"],
    ["ru", "Ссылка-приглашение не работает"],
    ["tk", "Bu çakylyk salgylanmasy işlemeýär"],
  ] as const) {
    test(`is a 404 that says so, in ${locale}`, async ({ page }) => {
      const response = await page.goto(`/${locale}/invitation/${unknownToken}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.locator("form")).toHaveCount(0);
      await expect(page).toHaveTitle(new RegExp(`^${title}`));
    });
  }

  test("is the same page when the link was cut short", async ({ page }) => {
    const response = await page.goto(`/en/invitation/${unknownToken.slice(0, 20)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation link does not work");
    await expectNoAxeViolations(page);
  });
});

test.describe("an address that keeps trying invitation links", () => {
  test.use(fromAddress(12));

  test("is stopped after 50 links that do not work, while others are not", async ({ page, browser }) => {
    for (let i = 0; i < 50; i++) {
      const response = await page.request.get(`/en/invitation/${unknownToken}`);
      expect(response.status()).toBe(404);
    }
    await page.goto(`/en/invitation/${unknownToken}`);
    await expect(page.getByText("Too many attempts from your network. Wait 15 minutes and try again.")).toBeVisible();

    const elsewhere = await browser.newContext(fromAddress(13));
    const other = await elsewhere.newPage();
    const response = await other.goto(`/en/invitation/${unknownToken}`);
    expect(response?.status()).toBe(404);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("This invitation link does not work");
    await elsewhere.close();
  });
});

test.describe("a password-reset link that matches nothing", () => {
  test.use(fromAddress(14));

  for (const [locale, title] of [
    ["en", "This link does not work"],
    ["ru", "Ссылка не работает"],
    ["tk", "Bu salgylanma işlemeýär"],
  ] as const) {
    test(`explains itself in ${locale} and offers no form`, async ({ page }) => {
      await page.goto(`/${locale}/reset-password/${unknownToken}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.locator("form.form")).toHaveCount(0);
    });
  }
});

test("sign-in leads to the reset request, which checks the address and answers without saying whether it has an account", async ({ page }) => {
  await page.goto("/tk/sign-in");
  await page.getByRole("link", { name: "Açar sözüňizi ýatdan çykardyňyzmy?" }).click();
  await expect(page).toHaveURL(/\/tk\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Açar sözüni täzelemek");
  await expectNoAxeViolations(page);

  await page.getByLabel("Elektron poçta salgysy").fill("not an address");
  await page.getByRole("button", { name: "Salgylanmany ibermek" }).click();
  await expect(errorSummary(page)).toContainText("Elektron poçta salgysyny name@example.org görnüşinde giriziň.");
  await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");

  const neutral = "Bu salgy üçin hasap bar bolsa, salgylanma iberildi. Gelen hatlaryňyzy we «Spam» bukjasyny barlaň.";
  for (const address of ["coordinator.sco@portal.example", `nobody.${Date.now()}@e2e.example`]) {
    await page.goto("/tk/forgot-password");
    await page.getByLabel("Elektron poçta salgysy").fill(address);
    await page.getByRole("button", { name: "Salgylanmany ibermek" }).click();
    await expect(page.getByRole("status")).toHaveText(neutral);
    await expect(page.getByLabel("Elektron poçta salgysy")).toHaveCount(0);
  }
});
