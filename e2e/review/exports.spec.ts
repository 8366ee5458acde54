import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { buildZip } from "../../test/zip-writer";
import { fillMissionDetails, newOpenElection, portraitJpeg, requestLetterPdf, startApplication, type TestElection } from "../accreditation/factories";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";

/**
 * A mission's observers accredited through the review screens, then exported by the commission:
 * the count the filters select, the XLSX and the CSV as a reader's spreadsheet sees them, and the
 * audit trail of every download.
 */

// The tests share one accredited mission and run in order.
test.describe.configure({ mode: "default" });

type Person = { surname: string; givenNames: string; cyrillicName: string; sex: string; nationality: string; role: string; dateOfBirth: string };

/** In the order the review numbers them (by surname): Müller, Nowak, Öwezowa. */
const people: Person[] = [
  { surname: "Öwezowa", givenNames: "Jeren Ýaňyl", cyrillicName: "Өвезова Җерен", sex: "female", nationality: "TR", role: "Head of mission", dateOfBirth: "1979-12-31" },
  { surname: "Nowak", givenNames: "Piotr", cyrillicName: "Новак Пётр", sex: "male", nationality: "PL", role: "Short-term observer", dateOfBirth: "1968-03-14" },
  { surname: "Müller", givenNames: "Anna Maria", cyrillicName: "", sex: "female", nationality: "DE", role: "Long-term observer", dateOfBirth: "1985-11-02" },
];
const prefix = `EX${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
const passportOf = (index: number) => `${prefix}${String(index).padStart(5, "0")}`;

const csvHeader = [
  "Surname",
  "Given names",
  "Full name in Cyrillic",
  "Sex",
  "Date of birth",
  "Nationality",
  "Passport number",
  "Passport expiry date",
  "Role",
  "Arrival date",
  "Departure date",
];

function observersCsv(election: TestElection) {
  const lines = [
    csvHeader,
    ...people.map((p, i) => [p.surname, p.givenNames, p.cyrillicName, p.sex, p.dateOfBirth, p.nationality, passportOf(i), "2034-12-31", p.role, election.arrivalOn, election.departureOn]),
  ];
  return Buffer.from(`${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`, "utf8");
}

let election: TestElection;
let electionId: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  election = await newOpenElection(browser, "Exported by-election");

  // The coordinator applies with three observers, their photos in one ZIP, and submits.
  const coordinator = await browser.newContext();
  const page = await coordinator.newPage();
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  await fillMissionDetails(page, election);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${path}/letter$`));
  await page.getByLabel("Request letter (PDF)").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: requestLetterPdf() });
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${path}/observers$`));
  await page.goto(`/en${path}/observers/import`);
  await page.getByLabel("List of observers (XLSX or CSV)").setInputFiles({ name: "observers.csv", mimeType: "text/csv", buffer: observersCsv(election) });
  await page.getByRole("button", { name: "Import the list" }).click();
  await expect(page.getByRole("status")).toHaveText("3 observers were imported. Now add their photos.");
  await page.getByRole("link", { name: "Add photos from a ZIP" }).click();
  const photos = await Promise.all(people.map(async (_, i) => ({ name: `${passportOf(i)}.jpg`, data: await portraitJpeg() })));
  await page.getByLabel("ZIP archive of photos").setInputFiles({ name: "photos.zip", mimeType: "application/zip", buffer: buildZip(photos) });
  await page.getByRole("button", { name: "Upload the photos" }).click();
  await expect(page.getByText("3 photos were attached.")).toBeVisible();
  await page.goto(`/en${path}/check`);
  await page.getByRole("button", { name: "Submit the application" }).click();
  await expect(page.getByRole("status")).toHaveText("Your application has been submitted. A receipt is on its way to your email.");
  await coordinator.close();

  // A reviewer accredits all three at once.
  const staff = await browser.newContext();
  const review = await staff.newPage();
  await signInAs(review, "reviewer");
  await review.goto("/en/commission/applications");
  await review.getByRole("link", { name: `OSCE/ODIHR — ${election.title}` }).click();
  await review.getByLabel("Select every observer on this page").check();
  await review.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(review.getByRole("status").filter({ hasText: "accredited" })).toHaveText("3 observers were accredited.");
  // The election's id, as the export form sends it.
  await review.goto("/en/commission/exports");
  await review.getByLabel("Election").selectOption({ label: election.title });
  electionId = await review.getByLabel("Election").inputValue();
  await staff.close();
});

/** Opens the export page from the workspace and shows the count for the test's election. */
async function chooseElection(page: Page) {
  await page.goto("/en/commission");
  await page.getByRole("link", { name: "Export the lists of accredited observers (XLSX, CSV)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export accredited observers");
  await page.getByLabel("Election").selectOption({ label: election.title });
  await page.getByRole("button", { name: "Show how many match" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]election=${electionId}(&|$)`));
  await expect(page.getByText("3 accredited observers match these filters.")).toBeVisible();
}

const fileOf = async (download: Download) => readFileSync((await download.path())!);

test("a reviewer downloads the election's accredited observers as XLSX: translated header, one row each, dates and passports as they should be", async ({ page }) => {
  await signInAs(page, "reviewer");
  await chooseElection(page);
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download for Excel (XLSX)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^accredited-${election.code}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await fileOf(download)).buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe("Accredited observers");
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
    "Accreditation number",
    "Surname",
    "Given names",
    "Name in Cyrillic",
    "Sex",
    "Date of birth",
    "Nationality",
    "Passport number",
    "Passport expiry date",
    "Role in the mission",
    "Arrival",
    "Departure",
    "Organization",
    "Mission",
  ]);
  expect(sheet.rowCount).toBe(4);
  const text = (row: number, column: number) => sheet.getRow(row).getCell(column).value;
  expect([2, 3, 4].map((row) => text(row, 1))).toEqual([`${election.code}-0001`, `${election.code}-0002`, `${election.code}-0003`]);
  expect([2, 3, 4].map((row) => text(row, 2))).toEqual(["Müller", "Nowak", "Öwezowa"]);
  expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
    `${election.code}-0003`,
    "Öwezowa",
    "Jeren Ýaňyl",
    "Өвезова Җерен",
    "Female",
    new Date("1979-12-31T00:00:00Z"),
    "Türkiye",
    passportOf(0),
    new Date("2034-12-31T00:00:00Z"),
    "Head of mission",
    new Date(`${election.arrivalOn}T00:00:00Z`),
    new Date(`${election.departureOn}T00:00:00Z`),
    "OSCE/ODIHR",
    "OSCE/ODIHR Election Assessment Mission",
  ]);
  expect(sheet.getRow(2).getCell(8).type).toBe(ExcelJS.ValueType.String);
});

test("the CSV is UTF-8 with a byte-order mark and CRLF lines, and the filters narrow both the count and the file", async ({ page }) => {
  await signInAs(page, "reviewer");
  await chooseElection(page);

  let downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^accredited-${election.code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await fileOf(download);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString("utf8").slice(1).split("\r\n");
  expect(lines).toEqual([
    "Accreditation number,Surname,Given names,Name in Cyrillic,Sex,Date of birth,Nationality,Passport number,Passport expiry date,Role in the mission,Arrival,Departure,Organization,Mission",
    `${election.code}-0001,Müller,Anna Maria,,Female,1985-11-02,Germany,${passportOf(2)},2034-12-31,Long-term observer,${election.arrivalOn},${election.departureOn},OSCE/ODIHR,OSCE/ODIHR Election Assessment Mission`,
    `${election.code}-0002,Nowak,Piotr,Новак Пётр,Male,1968-03-14,Poland,${passportOf(1)},2034-12-31,Short-term observer,${election.arrivalOn},${election.departureOn},OSCE/ODIHR,OSCE/ODIHR Election Assessment Mission`,
    `${election.code}-0003,Öwezowa,Jeren Ýaňyl,Өвезова Җерен,Female,1979-12-31,Türkiye,${passportOf(0)},2034-12-31,Head of mission,${election.arrivalOn},${election.departureOn},OSCE/ODIHR,OSCE/ODIHR Election Assessment Mission`,
    "",
  ]);

  // One role: the count and the file follow; the form keeps the choice.
  await page.getByLabel("Role in the mission").selectOption({ label: "Head of mission" });
  await page.getByRole("button", { name: "Show how many match" }).click();
  await expect(page.getByText("1 accredited observer matches these filters.")).toBeVisible();
  await expect(page.getByLabel("Role in the mission")).toHaveValue("head_of_mission");
  downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  download = await downloading;
  const narrowed = (await fileOf(download)).toString("utf8").split("\r\n");
  expect(narrowed).toHaveLength(3);
  expect(narrowed[1]).toMatch(new RegExp(`^${election.code}-0003,Öwezowa,`));

  // A region the mission does not work in selects nobody, and offers no empty file.
  await page.getByLabel("Role in the mission").selectOption({ label: "Any role" });
  await page.getByLabel("Deployment region").selectOption({ label: "Lebap Region" });
  await page.getByRole("button", { name: "Show how many match" }).click();
  await expect(page.getByText("No accredited observer matches these filters.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download as CSV" })).toHaveCount(0);
  await page.getByLabel("Deployment region").selectOption({ label: "Mary Region" });
  await page.getByRole("button", { name: "Show how many match" }).click();
  await expect(page.getByText("3 accredited observers match these filters.")).toBeVisible();
});

test("in Turkmen the file speaks Turkmen; the route answers with safe headers and refuses a query it does not know", async ({ page }) => {
  await signInAs(page, "reviewer", "tk");
  await page.goto("/tk/commission/exports");
  await page.getByLabel("Saýlaw").selectOption({ label: `Mejlise goşmaça saýlawlar ${election.code}` });
  await page.getByRole("button", { name: "Näçesiniň laýykdygyny görkez" }).click();
  await expect(page.getByText("Bu şertlere laýyk gelýän akkreditasiýa edilen synçylar: 3.")).toBeVisible();
  await expectNoAxeViolations(page);
  const href = await page.getByRole("link", { name: "CSV görnüşinde göçürip almak" }).getAttribute("href");
  expect(href).toBe(`/api/exports/accredited?election=${electionId}&format=csv&locale=tk`);

  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "text/csv; charset=utf-8",
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
  });
  expect(response.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="accredited-${election.code}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
  const lines = (await response.body()).toString("utf8").split("\r\n");
  expect(lines[0]).toBe(
    "\uFEFFAkkreditasiýa belgisi,Familiýasy,Ady,Ady kiril harplarynda,Jynsy,Doglan senesi,Raýatlygy,Pasportyň belgisi,Pasportyň möhletiniň gutarýan senesi,Missiýadaky wezipesi,Gelýän senesi,Gidýän senesi,Gurama,Missiýa",
  );
  expect(lines[3]).toContain(",Öwezowa,Jeren Ýaňyl,Өвезова Җерен,Aýal,1979-12-31,Türkiýe,");
  expect(lines[3]).toContain(",Missiýanyň ýolbaşçysy,");

  for (const query of [
    `election=${electionId}&format=pdf&locale=tk`,
    `election=${electionId}&format=csv&locale=de`,
    `election=${electionId}&format=csv&locale=tk&region=nowhere`,
    `election=${electionId}&format=csv&locale=tk&passport=1`,
    `election=${electionId}&election=${electionId}&format=csv&locale=tk`,
    `election=not-an-id&format=csv&locale=tk`,
    `format=csv&locale=tk`,
  ]) {
    const refused = await page.request.get(`/api/exports/accredited?${query}`);
    expect(refused.status(), query).toBe(400);
    expect(await refused.text(), query).toBe("");
  }
  const unknown = await page.request.get("/api/exports/accredited?election=00000000-0000-4000-8000-000000000000&format=xlsx&locale=en");
  expect(unknown.status()).toBe(404);
});

test("without an election the form says what is missing, in a summary that takes focus", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/exports");
  await expect(page.getByText("Choose an election to see how many accredited observers match.")).toBeVisible();
  await page.getByRole("button", { name: "Show how many match" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Election: This field is required."]);
  await expect(page.getByLabel("Election")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveTitle(/^Error: Export accredited observers/);
  await expect(page.getByRole("link", { name: "Download for Excel (XLSX)" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a download is in the audit log with its filters, format and row count, and no passport number", async ({ page }) => {
  await signInAs(page, "admin");
  const response = await page.request.get(`/api/exports/accredited?election=${electionId}&region=mary&role=short_term_observer&format=xlsx&locale=ru`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  await page.goto("/en/commission/admin/audit");
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Accredited observers exported" });
  await page.getByLabel("Entity type", { exact: true }).fill("election");
  await page.getByLabel("Entity ID", { exact: true }).fill(electionId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]action=observers\.exported(&|$)/);
  const table = page.getByRole("table", { name: "Audit events" });
  const newest = table.getByRole("row").nth(1);
  await expect(newest.locator('td[data-label="Action"]')).toHaveText("Accredited observers exported");
  await expect(newest.locator('td[data-label="Actor"]')).toContainText("admin@portal.example");
  const details = JSON.parse((await newest.locator('td[data-label="Details"]').textContent())!) as unknown;
  expect(details).toEqual({ electionId, filters: { organizationId: null, region: "mary", role: "short_term_observer" }, format: "xlsx", locale: "ru", rowCount: 1 });
  for (const index of people.keys()) await expect(table).not.toContainText(passportOf(index));
  await expectNoAxeViolations(page);
});
