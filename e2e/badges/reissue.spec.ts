import { expect, test, type Page } from "@playwright/test";
import { demoAccounts, errorSummary, expectNoAxeViolations } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { accreditedBadge, nameOf } from "./helpers";

const verdict = (page: Page) => page.locator("#verdict-word");
const tokenOf = async (page: Page, name: string) => {
  const href = await page.getByRole("link", { name: `Verification link: ${name}` }).getAttribute("href");
  return new URL(href!, "http://portal.invalid").searchParams.get("t")!;
};

test("the commission corrects an accredited observer's name: a new badge VALID with the new name, the old one REVOKED, the coordinator emailed to print it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { election, row, token } = await accreditedBadge(browser, page, "BC");
  const before = new Date();

  await page.getByRole("link", { name: `Correct name or photo: ${nameOf(row)}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Correct name or photo: ${nameOf(row)}`);
  await expect(page.getByLabel("Surname")).toHaveValue(row.surname);
  await expectNoAxeViolations(page);

  // The coordinator's rules: a name in Latin letters as in the passport.
  await page.getByLabel("Surname").fill("Müller 3");
  await page.getByRole("button", { name: "Correct and re-issue the badge" }).click();
  await expect(errorSummary(page)).toContainText("Surname");
  await expect(page.getByLabel("Surname")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  const corrected = { ...row, surname: `${row.surname}son` };
  await page.getByLabel("Surname").fill(corrected.surname);
  await page.getByRole("button", { name: "Correct and re-issue the badge" }).click();
  await expect(page.getByRole("status")).toContainText("The observer's record was corrected and a new badge issued");
  await expect(page.getByRole("link", { name: `Verification link: ${nameOf(row)}` })).toHaveCount(0);
  const newToken = await tokenOf(page, nameOf(corrected));
  expect(newToken).not.toBe(token);

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`/en/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("REVOKED");
  await phone.goto(`/en/verify?t=${newToken}`);
  await expect(verdict(phone)).toHaveText("VALID");
  await expect(phone.locator("dl")).toContainText(nameOf(corrected));
  await expect(phone.locator("dl")).toContainText(`${election.code}-0001`);
  await phone.context().close();

  const email = await waitForEmail(demoAccounts.coordinator.email, { subjectIncludes: "New badge to print", since: before });
  expect(email.text).toContain(`${nameOf(corrected)} (${election.code}-0001)`);
  expect(email.text).toContain("print the new one");

  // Saving the same again changes nothing, and says so.
  await page.getByRole("link", { name: `Correct name or photo: ${nameOf(corrected)}` }).click();
  await page.getByRole("button", { name: "Correct and re-issue the badge" }).click();
  await expect(errorSummary(page)).toContainText("Nothing was changed");
});
