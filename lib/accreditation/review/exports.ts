import "server-only";
import ExcelJS from "exceljs";
import { and, arrayContains, asc, count, desc, eq, exists, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { getDb } from "@/db";
import { elections, missions, observers, organizations } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { csvDocument } from "@/lib/csv";
import { assertPermission } from "@/lib/identity/authorize";
import { countryNamer } from "@/lib/organizations/countries";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import type { DeploymentRegion, ObserverRole } from "../vocabulary";
import type { Staff } from "./decisions";

/**
 * Lists of accredited observers for the services that act on them (badges, border, hotels): one
 * election at a time, narrowed by organization, deployment region and role, as XLSX or as CSV.
 * The route that sends the file records each export; these functions only read and build.
 */

export type ExportFilters = {
  electionId: string;
  organizationId?: string;
  region?: DeploymentRegion;
  role?: ObserverRole;
};

const catalogs = { tk, ru, en } as const;
const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

function conditionsOf(filters: ExportFilters): SQL[] {
  const conditions = [eq(observers.status, "accredited"), eq(missions.electionId, filters.electionId)];
  if (filters.organizationId) conditions.push(eq(missions.organizationId, filters.organizationId));
  if (filters.region) conditions.push(arrayContains(missions.regions, [filters.region]));
  if (filters.role) conditions.push(eq(observers.role, filters.role));
  return conditions;
}

/** The accredited observers the filters select, with what the services need, in accreditation-number order. */
export async function listAccreditedForExport(actor: Staff, filters: ExportFilters) {
  assertPermission(actor, "export:accredited");
  return getDb()
    .select({
      accreditationNumber: sql<string>`coalesce(${observers.accreditationNumber}, '')`,
      surname: observers.surname,
      givenNames: observers.givenNames,
      cyrillicName: observers.cyrillicName,
      sex: observers.sex,
      dateOfBirth: observers.dateOfBirth,
      nationality: observers.nationality,
      passportNumber: observers.passportNumber,
      passportExpiresOn: observers.passportExpiresOn,
      role: observers.role,
      arrivalOn: observers.arrivalOn,
      departureOn: observers.departureOn,
      organizationAcronym: organizations.acronym,
      missionName: missions.name,
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .where(and(...conditionsOf(filters)))
    // CODE-9999 comes before CODE-10000: shorter numbers first, then as text.
    .orderBy(sql`length(${observers.accreditationNumber})`, asc(observers.accreditationNumber), asc(observers.id));
}

export type AccreditedRow = Awaited<ReturnType<typeof listAccreditedForExport>>[number];

/** How many accredited observers the filters select: what the export page announces before a download. */
export async function countAccreditedForExport(actor: Staff, filters: ExportFilters) {
  assertPermission(actor, "export:accredited");
  const [row] = await getDb()
    .select({ count: count() })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .where(and(...conditionsOf(filters)));
  return row?.count ?? 0;
}

/** The election an export is of (its code names the file), or null for an id that is not one. */
export async function getElectionForExport(actor: Staff, electionId: string) {
  assertPermission(actor, "export:accredited");
  const [row] = await getDb().select({ id: elections.id, code: elections.code }).from(elections).where(eq(elections.id, electionId));
  return row ?? null;
}

/** The export page's choices: elections that have applications (newest first), and organizations. */
export async function exportFilterOptions(actor: Staff, locale: Locale) {
  assertPermission(actor, "export:accredited");
  const db = getDb();
  const [electionRows, organizationRows] = await Promise.all([
    db
      .select({ id: elections.id, label: electionTitle[locale] })
      .from(elections)
      .where(exists(db.select({ one: sql`1` }).from(missions).where(and(eq(missions.electionId, elections.id), isNotNull(missions.submittedAt)))))
      .orderBy(desc(elections.electionDay), asc(elections.code)),
    db
      .select({ id: organizations.id, label: organizations.acronym })
      .from(organizations)
      .where(inArray(organizations.id, db.select({ id: missions.organizationId }).from(missions).where(isNotNull(missions.submittedAt))))
      .orderBy(asc(organizations.acronym)),
  ]);
  return { elections: electionRows, organizations: organizationRows };
}

export const exportColumns = [
  "accreditationNumber",
  "surname",
  "givenNames",
  "cyrillicName",
  "sex",
  "dateOfBirth",
  "nationality",
  "passportNumber",
  "passportExpiresOn",
  "role",
  "arrivalOn",
  "departureOn",
  "organization",
  "mission",
] as const;
type ExportColumn = (typeof exportColumns)[number];

const dateColumns: ReadonlySet<ExportColumn> = new Set(["dateOfBirth", "passportExpiresOn", "arrivalOn", "departureOn"]);

/** The header row and each observer's cells in the reader's language; dates stay yyyy-mm-dd here. */
function tableOf(rows: AccreditedRow[], locale: Locale) {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  const country = countryNamer(locale);
  const header = exportColumns.map((column) => t(`exports.columns.${column}`));
  const body = rows.map((row): Record<ExportColumn, string> => ({
    accreditationNumber: row.accreditationNumber,
    surname: row.surname,
    givenNames: row.givenNames,
    cyrillicName: row.cyrillicName ?? "",
    sex: t(`vocabulary.sexes.${row.sex}`),
    dateOfBirth: row.dateOfBirth,
    nationality: country(row.nationality),
    passportNumber: row.passportNumber,
    passportExpiresOn: row.passportExpiresOn,
    role: t(`vocabulary.observerRoles.${row.role}`),
    arrivalOn: row.arrivalOn,
    departureOn: row.departureOn,
    organization: row.organizationAcronym,
    mission: row.missionName ?? "",
  }));
  return { header, body, sheetName: t("exports.sheetName") };
}

const widths: Partial<Record<ExportColumn, number>> = { accreditationNumber: 18, cyrillicName: 30, role: 28, nationality: 22, mission: 40 };

/**
 * The list as an Excel workbook: a bold, frozen header row with filters, dates as date cells
 * (sortable, shown yyyy-mm-dd) and passport numbers as text, so leading zeros stay.
 */
export async function accreditedXlsx(rows: AccreditedRow[], locale: Locale): Promise<Buffer> {
  const { header, body, sheetName } = tableOf(rows, locale);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = exportColumns.map((column, index) => ({
    header: header[index],
    key: column,
    width: widths[column] ?? 16,
    style: column === "passportNumber" ? { numFmt: "@" } : dateColumns.has(column) ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of body) {
    const value = (column: ExportColumn) => (cells[column] === "" ? null : dateColumns.has(column) ? new Date(`${cells[column]}T00:00:00Z`) : cells[column]);
    sheet.addRow(Object.fromEntries(exportColumns.map((column) => [column, value(column)])));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: exportColumns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The list as CSV in the reader's language (see csvDocument). */
export function accreditedCsv(rows: AccreditedRow[], locale: Locale): Buffer {
  const { header, body } = tableOf(rows, locale);
  return csvDocument([header, ...body.map((cells) => exportColumns.map((column) => cells[column]))]);
}
