import { randomBytes } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { buildZip } from "../../test/zip-writer";
import { fillMissionDetails, observerRow, observersCsv, portraitJpeg, requestLetterPdf, startApplication, type ObserverRow, type TestElection } from "../accreditation/factories";
import { signInAs } from "../fixtures";
import { waitForEmail } from "../mail-sink";

/** An observer the coordinator nominates with an email address of their own (fresh per test). */
export type Nominee = ObserverRow & { email: string };

export const nameOf = (row: ObserverRow) => `${row.surname}, ${row.givenNames}`;
export const NEW_PASSWORD = "Steppe-lantern-2027";

/** `count` observers for the election, each with a fresh address (the first is head of mission). */
export function nominees(election: TestElection, count: number, prefix: string): Nominee[] {
  const tag = randomBytes(3).toString("hex");
  return Array.from({ length: count }, (_, i) => ({ ...observerRow(election, i, prefix), email: `observer${i}.${tag}@e2e.example` }));
}

/** The import template with its optional Email column. */
function csvWithEmails(rows: Nominee[]) {
  const lines = observersCsv(rows).toString("utf8").trimEnd().split("\r\n");
  return Buffer.from([`${lines[0]},Email`, ...rows.map((row, i) => `${lines[i + 1]},${row.email}`)].join("\r\n") + "\r\n", "utf8");
}

/**
 * The coordinator's draft application with these observers imported (with their addresses);
 * the coordinator adds photos only for `photosFor` (the others add their own). Returns the page
 * (signed in as the coordinator) and the application's id.
 */
export async function draftWithNominees(browser: Browser, election: TestElection, rows: Nominee[], photosFor: Nominee[]) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  await fillMissionDetails(page, election);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Request letter (PDF)").setInputFiles({ name: "request.pdf", mimeType: "application/pdf", buffer: requestLetterPdf() });
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page).toHaveURL(/\/observers$/);
  await page.goto(`/en${path}/observers/import`);
  await page.getByLabel("List of observers (XLSX or CSV)").setInputFiles({ name: "observers.csv", mimeType: "text/csv", buffer: csvWithEmails(rows) });
  await page.getByRole("button", { name: "Import the list" }).click();
  await expect(page.getByRole("status")).toContainText("imported");
  if (photosFor.length > 0) {
    const photo = await portraitJpeg();
    await page.goto(`/en${path}/observers/photos`);
    await page
      .getByLabel("ZIP archive of photos")
      .setInputFiles({ name: "photos.zip", mimeType: "application/zip", buffer: buildZip(photosFor.map((row) => ({ name: `${row.passportNumber}.jpg`, data: photo }))) });
    await page.getByRole("button", { name: "Upload the photos" }).click();
    await expect(page.getByText(`${photosFor.length} photo`)).toBeVisible();
  }
  return { page, path, missionId: path.split("/").at(-1)! };
}

/** On the observer's page the coordinator sends the invitation in a language; returns the observer's id. */
export async function invite(page: Page, path: string, row: Nominee, language: "Türkmençe" | "Русский" | "English") {
  await page.goto(`/en${path}/observers`);
  await page.getByRole("link", { name: nameOf(row) }).click();
  await page.getByLabel("Language of the email and the observer's pages").selectOption({ label: language });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText("The invitation was sent.");
  return page.url().split("/").at(-1)!.split("?")[0]!;
}

/** The observer opens the emailed link in a browser of their own and chooses a password; lands on "My accreditation". */
export async function joinFromEmail(browser: Browser, row: Nominee, locale: "tk" | "ru" | "en") {
  const email = await waitForEmail(row.email);
  const link = email.links.find((l) => l.includes("/observer-invitation/"))!;
  expect(new URL(link).pathname).toMatch(new RegExp(`^/${locale}/observer-invitation/`));
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.locator("#password").fill(NEW_PASSWORD);
  await page.locator("#passwordConfirmation").fill(NEW_PASSWORD);
  await page.locator("form.form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/me$`));
  return { page, link };
}
