import { expect, test } from "@playwright/test";
import en from "../../messages/en.json";
import ru from "../../messages/ru.json";
import tk from "../../messages/tk.json";
import { buildZip } from "../../test/zip-writer";
import { DEMO_PASSWORD, signInWithPassword } from "../fixtures";
import { newOpenElection, observerRow, observersCsv, portraitJpeg, requestLetterPdf } from "./factories";

/**
 * As a new user would try it: the coordinator of each seeded organization, each in one of the
 * three languages, applies, imports a list, fixes the error the report names, and submits.
 */

const catalogs = { tk, ru, en } as const;
const attempts = [
  { email: "coordinator.odihr@portal.example", locale: "tk" },
  { email: "coordinator.cis@portal.example", locale: "ru" },
  { email: "coordinator.ots@portal.example", locale: "tk" },
  { email: "coordinator.sco@portal.example", locale: "en" },
  { email: "coordinator.uzcec@portal.example", locale: "ru" },
] as const;

for (const [index, { email, locale }] of attempts.entries()) {
  test(`${email} applies in ${locale}: import, fix, submit`, async ({ page, browser }) => {
    test.setTimeout(90_000);
    const m = catalogs[locale];
    const election = await newOpenElection(browser);
    const titles = { tk: `Mejlise goşmaça saýlawlar ${election.code}`, ru: `Дополнительные выборы в Меджлис ${election.code}`, en: election.title };
    await signInWithPassword(page, email, locale, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`/${locale}/portal$`));
    await page.getByRole("link", { name: titles[locale] }).click();
    await page.getByRole("button", { name: m.applications.startButton }).click();

    await page.getByLabel(m.applications.fields.name).fill(`Mission ${index + 1}`);
    await page.getByLabel(m.applications.fields.type).selectOption("expert_team");
    await page.getByLabel(m.applications.fields.plannedArrivalOn).fill(election.arrivalOn);
    await page.getByLabel(m.applications.fields.plannedDepartureOn).fill(election.departureOn);
    await page.locator("#regions").check();
    await page.getByLabel(m.applications.fields.contactPerson).fill("Contact Person");
    await page.getByLabel(m.applications.fields.phone).fill("+90 212 000 00 00");
    await page.getByLabel(m.applications.fields.email).fill("mission@example.org");
    await page.locator("#workingLanguages").check();
    await page.getByRole("button", { name: m.applications.saveAndContinue }).click();
    await page.getByLabel(m.applications.fields.letter).setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: requestLetterPdf() });
    await page.getByRole("button", { name: m.applications.uploadAndContinue }).click();
    await expect(page).toHaveURL(/\/observers$/);
    const path = new URL(page.url()).pathname.replace(/\/observers$/, "");

    // The list has one mistake; the report names its row, the corrected list goes in whole.
    const rows = Array.from({ length: 4 }, (_, i) => observerRow(election, i, `O${index}`));
    const wrong = rows.map((row, i) => (i === 2 ? { ...row, dateOfBirth: "1990-02-30" } : row));
    await page.getByRole("link", { name: m.observers.import }).click();
    const file = page.getByLabel(m.observerImport.fileLabel);
    await file.setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: observersCsv(wrong) });
    await page.getByRole("button", { name: m.observerImport.importButton }).click();
    const report = page.getByRole("alert").filter({ has: page.getByRole("table") });
    // The column is named as the file heads it (in English here), whatever the page's language.
    await expect(report.getByRole("row").nth(1)).toContainText(`4${en.observerImport.headers.dateOfBirth}${m.validation.dateFormat}`);
    await file.setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: observersCsv(rows) });
    await page.getByRole("button", { name: m.observerImport.importButton }).click();
    await expect(page.getByRole("status")).toBeVisible();

    await page.goto(`${path}/observers/photos`);
    const photo = await portraitJpeg();
    await page.getByLabel(m.observerPhotos.fileLabel).setInputFiles({
      name: "photos.zip",
      mimeType: "application/zip",
      buffer: buildZip(rows.map((row) => ({ name: `${row.passportNumber}.jpg`, data: photo }))),
    });
    await page.getByRole("button", { name: m.observerPhotos.uploadButton }).click();
    await expect(page.getByRole("status")).toBeVisible();

    await page.goto(`${path}/check`);
    await page.getByRole("button", { name: m.applications.submitButton }).click();
    await expect(page.getByRole("status")).toHaveText(m.applications.notices.submitted);
    await expect(page.locator(".summary-list")).toContainText(m.applications.statuses.submitted);
  });
}
