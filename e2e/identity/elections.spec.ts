import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";

const code = () => `E2E-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

async function fillElection(page: Page, values: { code: string; titleEn: string; closes: string }) {
  await page.getByLabel("Code", { exact: true }).fill(values.code);
  await page.getByLabel("Type").selectOption({ label: "Referendum" });
  await page.getByLabel("Title in Turkmen").fill("Türkmenistanyň Konstitusiýasy boýunça sala salşyk");
  await page.getByLabel("Title in Russian").fill("Референдум по Конституции Туркменистана");
  await page.getByLabel("Title in English").fill(values.titleEn);
  await page.getByLabel("Election day").fill("2031-09-21");
  await page.getByLabel("Accreditation opens").fill("2031-07-01T09:00");
  await page.getByLabel("Accreditation closes").fill(values.closes);
  await page.getByLabel("Earliest arrival of observers").fill("2031-08-22");
  await page.getByLabel("Latest departure of observers").fill("2031-09-28");
}

test("an admin creates a draft election after fixing the calendar and the code, then publishes it for the public", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const electionCode = code();
  const title = `Constitutional referendum ${electionCode}`;
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/elections");
  await page.getByRole("link", { name: "Add an election" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an election");

  // Accreditation would close on election day itself, and the code is one the demo data uses.
  await fillElection(page, { code: "mej-2024", titleEn: title, closes: "2031-09-21T12:00" });
  await page.getByRole("button", { name: "Add election" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Accreditation closes: Accreditation must close before election day begins."]);
  await expect(page.locator("#accreditationClosesAt-error")).toHaveText("Accreditation must close before election day begins.");
  await expect(page.getByLabel("Accreditation closes")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title in English")).toHaveValue(title);

  // The calendar is right now; only the server knows the code is taken.
  await page.getByLabel("Accreditation closes").fill("2031-09-11T18:00");
  await page.getByRole("button", { name: "Add election" }).click();
  await expect(summary.getByRole("link")).toHaveText(["Code: Another election already has this code."]);
  await expect(page.locator("#code-error")).toHaveText("Another election already has this code.");
  await expect(page.getByLabel("Earliest arrival of observers")).toHaveValue("2031-08-22");

  await page.getByLabel("Code", { exact: true }).fill(electionCode.toLowerCase());
  await page.getByRole("button", { name: "Add election" }).click();
  await expect(page).toHaveURL(/\/en\/commission\/admin\/elections\?notice=created$/);
  await expect(page.getByRole("status")).toHaveText("The election was added.");
  const row = page.getByRole("row").filter({ hasText: electionCode });
  await expect(row).toContainText(title);
  await expect(row).toContainText("Draft");
  await expect(row).toContainText("September 21, 2031");

  // A draft is not public.
  const visitor = await browser.newPage();
  await visitor.goto("/en/elections");
  await expect(visitor.getByRole("table")).not.toContainText(title);
  // Nor its page, nor its register, even by their address.
  expect((await visitor.goto(`/en/elections/${electionCode}`))?.status()).toBe(404);
  expect((await visitor.request.get(`/api/elections/${electionCode}/register`)).status()).toBe(404);

  await row.getByRole("link", { name: `Edit ${electionCode}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${electionCode}`);
  await expect(page.getByLabel("Accreditation closes")).toHaveValue("2031-09-11T18:00");
  await page.getByLabel("Publication").selectOption({ label: "Published: shown on the home page" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("The election was saved.");
  await expect(page.getByRole("row").filter({ hasText: electionCode })).toContainText("Published");

  await visitor.goto("/en/elections");
  const publicRow = visitor.getByRole("row").filter({ hasText: title });
  await expect(publicRow).toContainText("September 21, 2031");
  await expect(publicRow).toContainText("Accreditation not yet open");
  await expect(publicRow).toContainText("July 1, 2031 at 9:00 AM");
  // Published, its page answers at once (the 404 seen while it was a draft is not kept).
  await publicRow.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await visitor.goto("/ru/elections");
  await expect(visitor.getByRole("row").filter({ hasText: "Референдум по Конституции Туркменистана" })).toHaveCount(1);
  await visitor.close();

  await page.getByRole("row").filter({ hasText: electionCode }).getByRole("link").click();
  await expect(page.getByText(/^Published since /)).toBeVisible();
});

test("without JavaScript the server applies the same rules and keeps what was typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Signing in posts the form, which works without JavaScript too.
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/elections/new");
  await fillElection(page, { code: code(), titleEn: "Observation window test", closes: "2031-09-11T18:00" });
  await page.getByLabel("Latest departure of observers").fill("2031-09-20");
  await page.getByRole("button", { name: "Add election" }).click();
  await expect(page.locator("#observationEndsOn-error")).toHaveText("Observers' latest departure must be on or after election day.");
  await expect(errorSummary(page)).toContainText("Observers' latest departure must be on or after election day.");
  await expect(page.getByLabel("Title in English")).toHaveValue("Observation window test");
  await expect(page.getByLabel("Latest departure of observers")).toHaveValue("2031-09-20");
  await context.close();
});

test("the list filters drafts and published elections, and election pages have no axe violations", async ({ page }) => {
  await signInAs(page, "admin", "tk");
  await page.goto("/tk/commission/admin/elections");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saýlawlar");
  await expectNoAxeViolations(page);
  // Tests add elections of their own: the admin looks this one up by its code, as a person would among many.
  await page.getByLabel("Kody ýa-da ady").fill("mej-2024");
  await page.getByLabel("Çap edilişi").selectOption({ label: "Diňe çap edilenler" });
  await page.getByRole("button", { name: "Görkez" }).click();
  await expect(page).toHaveURL(/status=published/);
  await expect(page.getByRole("row").filter({ hasText: "MEJ-2024" })).toContainText("Çap edildi");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("table").getByText("Garalama", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Kody ýa-da ady")).toHaveValue("mej-2024");

  await page.getByRole("row").filter({ hasText: "MEJ-2024" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("MEJ-2024: üýtgetmek");
  await expect(page.getByLabel("Akkreditasiýanyň ýapylýan wagty")).toHaveValue("2024-06-27T18:00");
  await expectNoAxeViolations(page);

  await page.goto("/tk/commission/admin/elections/new");
  await page.getByRole("button", { name: "Saýlaw goş" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expect(page.locator("#code-error")).toHaveText("Bu meýdany dolduryň.");
  await expectNoAxeViolations(page);
});

test("the 2024 Mejlis elections are early elections in every language, and the election form offers the type", async ({ page }) => {
  for (const [locale, label] of [
    ["en", "Early elections"],
    ["ru", "Досрочные выборы"],
    ["tk", "Möhletinden öň geçirilýän saýlawlar"],
  ] as const) {
    await page.goto(`/${locale}/elections/MEJ-2024`);
    await expect(page.getByText(`${label} ·`)).toBeVisible();
  }

  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/elections?q=MEJ-2024");
  await page.getByRole("row").filter({ hasText: "MEJ-2024" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit MEJ-2024");
  await expect(page.getByLabel("Type")).toHaveValue("early");
  await expect(page.getByLabel("Type").locator("option:checked")).toHaveText("Early elections");

  const electionCode = code();
  await page.goto("/en/commission/admin/elections/new");
  await fillElection(page, { code: electionCode, titleEn: `Early elections ${electionCode}`, closes: "2031-09-11T18:00" });
  await page.getByLabel("Type").selectOption({ label: "Early elections" });
  await page.getByRole("button", { name: "Add election" }).click();
  await expect(page.getByRole("status")).toHaveText("The election was added.");
  await expect(page.getByRole("row").filter({ hasText: electionCode }).getByRole("cell", { name: "Early elections", exact: true })).toHaveCount(1);
});
