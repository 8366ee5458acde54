import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { buildZip } from "../../test/zip-writer";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";
import { newOpenElection, observerRow, observersCsv, observersXlsx, portraitJpeg, requestLetterPdf, startApplication } from "./factories";

/** Hundreds of observers at once: the list import, its report, and photos by the dozen. */

async function importFile(page: Page, path: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto(`/en${path}/observers/import`);
  await page.getByLabel("List of observers (XLSX or CSV)").setInputFiles(file);
  await page.getByRole("button", { name: "Import the list" }).click();
}

test("a 500-row XLSX brings every observer in at once, and the list pages through them", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  await page.goto(`/en${path}/observers`);
  await page.getByRole("link", { name: "Import a list" }).click();
  await expectNoAxeViolations(page);

  // The template comes in the coordinator's language.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Template for Excel (XLSX)" }).click();
  expect((await download).suggestedFilename()).toBe("observers-en.xlsx");

  const rows = Array.from({ length: 500 }, (_, i) => observerRow(election, i, "XL"));
  await page.getByLabel("List of observers (XLSX or CSV)").setInputFiles({
    name: "observers.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await observersXlsx(rows),
  });
  await page.getByRole("button", { name: "Import the list" }).click();
  await expect(page.getByRole("status")).toHaveText("500 observers were imported. Now add their photos.");
  const table = page.getByRole("table", { name: "Observers of the mission: 500" });
  await expect(table.getByRole("row")).toHaveCount(51);
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Page 10", exact: true }).click();
  await expect(page.getByText("Page 10 of 10 (500 in all)")).toBeVisible();
  await expect(page.getByRole("table", { name: "Observers of the mission: 500" }).getByRole("row")).toHaveCount(51);
  await expectNoAxeViolations(page);
  // Every fifth row of the file was a Jean-Luc.
  await page.getByLabel("Search by name").fill("jean-luc");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("table", { name: "Observers of the mission: 100" })).toBeVisible();
});

test("a CSV with mistakes imports no one, and the report names each row and column as the file heads it", async ({ page, browser }) => {
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  const rows = Array.from({ length: 5 }, (_, i) => observerRow(election, i, "CS"));
  rows[1]!.passportNumber = "P#1"; // spreadsheet row 3
  rows[3]!.passportNumber = rows[0]!.passportNumber; // row 5 repeats row 2
  rows[3]!.nationality = rows[0]!.nationality;
  await importFile(page, path, { name: "observers.csv", mimeType: "text/csv", buffer: observersCsv(rows) });

  const report = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(report).toBeFocused();
  await expect(report.getByRole("heading")).toHaveText("Nothing was imported: 3 problems to correct");
  const lines = report.getByRole("row");
  await expect(lines.nth(1)).toHaveText(["2", "Passport number", "The same passport (number and nationality) is also on row 5."].join(""));
  await expect(lines.nth(2)).toHaveText(["3", "Passport number", "Enter the passport number as printed: 5 to 20 Latin letters A–Z and digits."].join(""));
  await expect(lines.nth(3)).toHaveText(["5", "Passport number", "The same passport (number and nationality) is also on row 2."].join(""));
  await expectNoAxeViolations(page);

  // Rows that are right on their own can still break the election's rules: the intake checks name them too.
  const fixed = Array.from({ length: 5 }, (_, i) => observerRow(election, i, "CS"));
  fixed[2]!.arrivalOn = election.observationStartsOn.replace(/^(\d{4})/, (y) => String(Number(y) - 1)); // row 4
  await importFile(page, path, { name: "observers.csv", mimeType: "text/csv", buffer: observersCsv(fixed) });
  await expect(report.getByRole("heading")).toHaveText("Nothing was imported: 1 problem to correct");
  // The file's heading ("Arrival date"), not the web form's label ("Arrival"): the coordinator looks for it in the spreadsheet.
  await expect(report.getByRole("row").nth(1)).toHaveText(["4", "Arrival date", "The arrival date must be within the election's observation period."].join(""));

  await page.goto(`/en${path}/observers`);
  await expect(page.getByText("No observers match.")).toBeVisible();
});

test("an empty file, a header row alone and a second head of mission are each reported plainly, and refused whole", async ({ page, browser }) => {
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  const report = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  const csv = (buffer: Buffer) => ({ name: "observers.csv", mimeType: "text/csv", buffer });

  await importFile(page, path, csv(Buffer.alloc(0)));
  await expect(report).toBeFocused();
  await expect(report.getByRole("paragraph")).toHaveText([
    "The file is empty, so it is not the observer list template. Download the template, enter one observer per row below its header row and upload it.",
  ]);
  await expect(report.getByRole("table")).toHaveCount(0);
  await expect(report).not.toContainText("—");

  await importFile(page, path, csv(observersCsv([])));
  await expect(report.getByRole("paragraph")).toHaveText(["The file has no observers below the header row."]);

  // The instructions say one head of mission: the second in the file is named on its role column.
  const rows = Array.from({ length: 3 }, (_, i) => observerRow(election, i, "HM"));
  rows[2]!.role = "Head of mission";
  await importFile(page, path, csv(observersCsv(rows)));
  await expect(report.getByRole("heading")).toHaveText("Nothing was imported: 1 problem to correct");
  await expect(report.getByRole("row").nth(1)).toHaveText(
    ["4", "Role", "Row 2 already names the head of mission, and only one observer of the mission can be head of mission. Choose another role for this observer."].join(""),
  );
  await expectNoAxeViolations(page);

  // With a head of mission already on the list, a later file's one is refused too.
  await importFile(page, path, csv(observersCsv(rows.slice(0, 2))));
  await expect(page.getByRole("status")).toHaveText("2 observers were imported. Now add their photos.");
  const newcomer = { ...observerRow(election, 5, "HN"), role: "Head of mission" };
  await importFile(page, path, csv(observersCsv([newcomer])));
  await expect(report.getByRole("row").nth(1)).toHaveText(
    [
      "2",
      "Role",
      "The mission's list of observers already has a head of mission, and only one observer of the mission can be head of mission. Choose another role for this observer, or first change the role of the head of mission on the list.",
    ].join(""),
  );
  await page.goto(`/en${path}/observers`);
  await expect(page.getByRole("table", { name: "Observers of the mission: 2" })).toBeVisible();
});

test("a renamed PDF and an oversized PNG are refused as photos, and what was typed stays", async ({ page, browser }) => {
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  const observer = observerRow(election, 0, "PH");
  await page.goto(`/en${path}/observers/new`);
  await page.getByLabel("Surname").fill(observer.surname);
  await page.getByLabel("Given names").fill(observer.givenNames);
  await page.getByLabel("Sex").selectOption({ label: "Male" });
  await page.getByLabel("Date of birth").fill(observer.dateOfBirth);
  await page.getByLabel("Nationality").selectOption({ label: "Poland" });
  await page.getByLabel("Passport number").fill(observer.passportNumber);
  await page.getByLabel("Passport expiry date").fill(observer.passportExpiresOn);
  await page.getByLabel("Role in the mission").selectOption({ label: "Head of mission" });
  await page.getByLabel("Arrival", { exact: true }).fill(observer.arrivalOn);
  await page.getByLabel("Departure", { exact: true }).fill(observer.departureOn);

  const photo = page.getByLabel("Photo (you can add it later)");
  await photo.setInputFiles({ name: "portrait.jpg", mimeType: "image/jpeg", buffer: requestLetterPdf() });
  await page.getByRole("button", { name: "Add the observer" }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Photo: The file is not a photo. Choose a JPEG, PNG or WebP image."]);
  await expect(page.getByLabel("Surname")).toHaveValue(observer.surname);

  const noise = await sharp({ create: { width: 1800, height: 2400, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 60 } } }).png().toBuffer();
  expect(noise.length).toBeGreaterThan(5 * 1024 * 1024);
  await photo.setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: noise });
  await page.getByRole("button", { name: "Add the observer" }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Photo: The photo must be 5 MB or smaller."]);
  await expect(page.getByLabel("Passport number")).toHaveValue(observer.passportNumber);

  await page.goto(`/en${path}/observers`);
  await expect(page.getByText("No observers match.")).toBeVisible();
});

test("photos for imported observers come in one ZIP named by passport number; the files that do not fit are listed", async ({ page, browser }) => {
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  const rows = Array.from({ length: 3 }, (_, i) => observerRow(election, i, "ZP"));
  await importFile(page, path, { name: "observers.csv", mimeType: "text/csv", buffer: observersCsv(rows) });
  await expect(page.getByRole("status")).toHaveText("3 observers were imported. Now add their photos.");

  await page.getByRole("link", { name: "Add photos from a ZIP" }).click();
  await expect(page.getByText("3 observers have no photo yet.")).toBeVisible();
  await expectNoAxeViolations(page);
  const landscape = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#777777" } }).png().toBuffer();
  const archive = buildZip([
    { name: "photos/ZP000000.jpg", data: await portraitJpeg("#224466") },
    { name: "photos/zp000001.JPG", data: await portraitJpeg("#446622") },
    { name: "photos/ZP000002.png", data: landscape },
    { name: "photos/XX999999.jpg", data: await portraitJpeg() },
  ]);
  await page.getByLabel("ZIP archive of photos").setInputFiles({ name: "photos.zip", mimeType: "application/zip", buffer: archive });
  await page.getByRole("button", { name: "Upload the photos" }).click();
  const result = page.getByRole("alert").filter({ hasText: "2 photos were attached." });
  await expect(result).toBeFocused();
  await expect(result.getByRole("heading")).toHaveText("2 files were not used");
  await expect(result.getByRole("listitem")).toHaveText([/^ZP000002\.png: /, /^XX999999\.jpg: /]);
  // The count above the form is of now, not of before the upload.
  await expect(page.getByText("1 observer has no photo yet.")).toBeVisible();

  await page.goto(`/en${path}/observers?status=withoutPhoto`);
  const table = page.getByRole("table", { name: "Observers of the mission: 1" });
  await expect(table.getByRole("row").nth(1)).toContainText(`${rows[2]!.surname}, ${rows[2]!.givenNames}`);
});
