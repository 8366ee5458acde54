import { expect, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { buildZip } from "../../test/zip-writer";
import { signInAs } from "../fixtures";

/**
 * Data for the accreditation specs, made the way users make it: each spec gets an election of its
 * own (published, accreditation open now), so one organization can apply to it whatever other
 * specs do, in any order.
 */

const dayPlus = (days: number) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ashgabat" }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export type TestElection = {
  code: string;
  title: string;
  electionDay: string;
  observationStartsOn: string;
  observationEndsOn: string;
  /** An observer's stay that fits the observation window. */
  arrivalOn: string;
  departureOn: string;
};

/** An admin publishes an election whose accreditation window is open (or opens in a few days). */
export async function newOpenElection(
  browser: Browser,
  label = "Mejlis by-election",
  options: { accreditationOpensInDays?: number; observationStartsInDays?: number } = {},
): Promise<TestElection> {
  const code = `E2E-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const election: TestElection = {
    code,
    title: `${label} ${code}`,
    electionDay: dayPlus(45),
    observationStartsOn: dayPlus(options.observationStartsInDays ?? 20),
    observationEndsOn: dayPlus(55),
    arrivalOn: dayPlus(30),
    departureOn: dayPlus(50),
  };
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/elections/new");
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Type").selectOption({ label: "By-elections" });
  await page.getByLabel("Title in Turkmen").fill(`Mejlise goşmaça saýlawlar ${code}`);
  await page.getByLabel("Title in Russian").fill(`Дополнительные выборы в Меджлис ${code}`);
  await page.getByLabel("Title in English").fill(election.title);
  await page.getByLabel("Election day").fill(election.electionDay);
  await page.getByLabel("Accreditation opens").fill(`${dayPlus(options.accreditationOpensInDays ?? -1)}T09:00`);
  await page.getByLabel("Accreditation closes").fill(`${dayPlus(35)}T18:00`);
  await page.getByLabel("Earliest arrival of observers").fill(election.observationStartsOn);
  await page.getByLabel("Latest departure of observers").fill(election.observationEndsOn);
  await page.getByLabel("Publication").selectOption({ label: "Published: shown on the home page" });
  await page.getByRole("button", { name: "Add election" }).click();
  await expect(page.getByRole("status")).toHaveText("The election was added.");
  await context.close();
  return election;
}

/** From the workspace to the first step of a new application; returns the application's path. */
export async function startApplication(page: Page, election: TestElection) {
  await page.goto("/en/portal");
  await page.getByRole("link", { name: election.title }).click();
  await page.getByRole("button", { name: "Start the application" }).click();
  await expect(page).toHaveURL(/\/en\/portal\/applications\/[0-9a-f-]{36}\/mission$/);
  return new URL(page.url()).pathname.replace(/^\/en/, "").replace(/\/mission$/, "");
}

export async function fillMissionDetails(page: Page, election: TestElection) {
  await page.getByLabel("Name of the mission").fill("OSCE/ODIHR Election Assessment Mission");
  await page.getByLabel("Type of mission").selectOption({ label: "Election assessment mission" });
  await page.getByLabel("Planned arrival").fill(election.arrivalOn);
  await page.getByLabel("Planned departure").fill(election.departureOn);
  await page.getByRole("group", { name: "Deployment regions" }).getByLabel("Ashgabat").check();
  await page.getByRole("group", { name: "Deployment regions" }).getByLabel("Mary Region").check();
  await page.getByLabel("Contact person").fill("Anna Kowalska");
  await page.getByLabel("Phone number").fill("+48 22 520 06 00");
  await page.getByLabel("Email address").fill("anna.kowalska@odihr.example");
  await page.getByRole("group", { name: "Working languages" }).getByLabel("English", { exact: true }).check();
  await page.getByRole("group", { name: "Working languages" }).getByLabel("Russian", { exact: true }).check();
}

/** A small but whole PDF, as a scanner would save the signed letter. */
export const requestLetterPdf = () =>
  Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

/** A passport-style portrait. */
export const portraitJpeg = (background = "#6b8fb3") => sharp({ create: { width: 420, height: 540, channels: 3, background } }).jpeg().toBuffer();

export type ObserverRow = {
  surname: string;
  givenNames: string;
  sex: "female" | "male";
  dateOfBirth: string;
  nationality: string;
  passportNumber: string;
  passportExpiresOn: string;
  role: string;
  arrivalOn: string;
  departureOn: string;
};

/** The i-th of a list of valid observers for the election (the first is head of mission). */
export function observerRow(election: TestElection, i: number, prefix: string): ObserverRow {
  return {
    surname: ["Nowak", "Müller", "O'Neill", "Dubois", "Jørgensen"][i % 5]!,
    givenNames: ["Piotr", "Anna Maria", "Siobhan", "Jean-Luc", "Lars"][i % 5]!,
    sex: i % 2 === 0 ? "male" : "female",
    dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    nationality: ["PL", "DE", "IE", "FR", "NO"][i % 5]!,
    passportNumber: `${prefix}${String(i).padStart(6, "0")}`,
    passportExpiresOn: "2034-12-31",
    role: i === 0 ? "Head of mission" : "Short-term observer",
    arrivalOn: election.arrivalOn,
    departureOn: election.departureOn,
  };
}

const header = [
  "Surname",
  "Given names",
  "Sex",
  "Date of birth",
  "Nationality",
  "Passport number",
  "Passport expiry date",
  "Role",
  "Arrival date",
  "Departure date",
];

const cellsOf = (row: ObserverRow) => [
  row.surname,
  row.givenNames,
  row.sex,
  row.dateOfBirth,
  row.nationality,
  row.passportNumber,
  row.passportExpiresOn,
  row.role,
  row.arrivalOn,
  row.departureOn,
];

/** An .xlsx as a coordinator fills it in Excel, with real date cells. */
export async function observersXlsx(rows: ObserverRow[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Observers");
  sheet.addRow(header);
  for (const row of rows) {
    const cells: (string | Date)[] = cellsOf(row);
    for (const index of [3, 6, 8, 9]) cells[index] = new Date(`${cells[index] as string}T00:00:00Z`);
    sheet.addRow(cells);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function observersCsv(rows: ObserverRow[]) {
  const line = (cells: string[]) => cells.map((cell) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",");
  return Buffer.from([line(header), ...rows.map((row) => line(cellsOf(row)))].join("\r\n") + "\r\n", "utf8");
}

export { dayPlus };

/**
 * A coordinator submits a complete application with `count` imported observers, their photos
 * from a ZIP; returns the application's path and the observers' rows (the first is head of mission).
 */
export async function submittedApplication(
  browser: Browser,
  election: TestElection,
  options: { count: number; prefix: string; edit?: (rows: ObserverRow[]) => void },
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  await fillMissionDetails(page, election);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Request letter (PDF)").setInputFiles({ name: "request.pdf", mimeType: "application/pdf", buffer: requestLetterPdf() });
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page).toHaveURL(/\/observers$/);

  const rows = Array.from({ length: options.count }, (_, i) => observerRow(election, i, options.prefix));
  options.edit?.(rows);
  await page.goto(`/en${path}/observers/import`);
  await page.getByLabel("List of observers (XLSX or CSV)").setInputFiles({ name: "observers.csv", mimeType: "text/csv", buffer: observersCsv(rows) });
  await page.getByRole("button", { name: "Import the list" }).click();
  await expect(page.getByRole("status")).toContainText("imported");

  const photo = await portraitJpeg();
  await page.goto(`/en${path}/observers/photos`);
  await page
    .getByLabel("ZIP archive of photos")
    .setInputFiles({ name: "photos.zip", mimeType: "application/zip", buffer: buildZip(rows.map((row) => ({ name: `${row.passportNumber}.jpg`, data: photo }))) });
  await page.getByRole("button", { name: "Upload the photos" }).click();
  await expect(page.getByText(`${options.count} photo`)).toBeVisible();

  await page.goto(`/en${path}/check`);
  await page.getByRole("button", { name: "Submit the application" }).click();
  await expect(page.getByRole("status")).toHaveText("Your application has been submitted. A receipt is on its way to your email.");
  await context.close();
  return { path, missionId: path.split("/").at(-1)!, rows };
}
