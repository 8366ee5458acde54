import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { observerFields, type ObserverField } from "../observer-schema";
import { observerRoles, sexes } from "../vocabulary";
import { dateColumns, optionalColumns } from "./columns";
import { MAX_OBSERVER_ROWS } from "./rows";

const catalogs = { tk, ru, en } as const;

/** What the Instructions sheet shows as a filled-in cell; arrival and departure depend on the election. */
const examples: Partial<Record<ObserverField, string>> = {
  surname: "O'Neill",
  givenNames: "Anna Maria",
  cyrillicName: "О'Нил Анна Мария",
  dateOfBirth: "1985-04-23",
  nationality: "IE",
  passportNumber: "PA1234567",
  passportExpiresOn: "2031-06-30",
  email: "anna.oneill@example.org",
};

/** exceljs writes range validations (one rule for a whole column) but its typings leave them out. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/**
 * The observer list template in the coordinator's language: one header row on the first sheet
 * (the parser accepts its headings in any language), drop-down lists for sex and role, and an
 * Instructions sheet explaining every column.
 */
export async function buildImportTemplate(locale: Locale): Promise<Buffer> {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  const roleLabels = observerRoles.map((role) => t(`vocabulary.observerRoles.${role}`));
  const sexLabels = sexes.map((sex) => t(`vocabulary.sexes.${sex}`));
  const describe = (field: ObserverField) =>
    t(`observerImport.descriptions.${field}`, {
      values: (field === "role" ? roleLabels : sexLabels).join(", "),
    });

  const workbook = new ExcelJS.Workbook();
  const observersSheet = t("observerImport.observersSheet");
  const sheet = workbook.addWorksheet(observersSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = observerFields.map((field) => ({
    header: t(`observerImport.headers.${field}`),
    key: field,
    width: field === "role" || field === "cyrillicName" ? 30 : 22,
    // Passport numbers keep their leading zeros as text; dates show as yyyy-mm-dd.
    style: field === "passportNumber" ? { numFmt: "@" } : dateColumns.has(field) ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  sheet.getRow(1).font = { bold: true };

  const lastRow = MAX_OBSERVER_ROWS + 1;
  for (const [field, labels] of [
    ["sex", sexLabels],
    ["role", roleLabels],
  ] as const) {
    const letter = sheet.getColumn(field).letter;
    (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${labels.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "error",
      error: describe(field),
    });
  }

  const instructions = workbook.addWorksheet(t("observerImport.instructionsSheet"));
  instructions.columns = [{ width: 34 }, { width: 14 }, { width: 70 }, { width: 28 }];
  instructions.addRow([t("observerImport.instructionsTitle")]).font = { bold: true, size: 14 };
  for (const line of [
    t("observerImport.instructionsRows", { sheet: observersSheet }),
    t("observerImport.instructionsAllOrNothing", { max: MAX_OBSERVER_ROWS }),
    t("observerImport.instructionsPhotos"),
  ]) {
    instructions.addRow([line]);
  }
  instructions.addRow([]);
  instructions.addRow([
    t("observerImport.columnHeading"),
    t("observerImport.requiredHeading"),
    t("observerImport.descriptionHeading"),
    t("observerImport.exampleHeading"),
  ]).font = { bold: true };
  for (const field of observerFields) {
    const example =
      field === "sex" ? sexLabels[0] : field === "role" ? t("vocabulary.observerRoles.short_term_observer") : examples[field];
    const row = instructions.addRow([
      t(`observerImport.headers.${field}`),
      optionalColumns.has(field) ? t("observerImport.no") : t("observerImport.yes"),
      field === "sex" || field === "role" ? describe(field) : t(`observerImport.descriptions.${field}`),
      example ?? "",
    ]);
    row.alignment = { vertical: "top", wrapText: true };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same header row as CSV, for coordinators without a spreadsheet program that reads XLSX:
 * UTF-8 with a byte-order mark, so that Excel shows Cyrillic and Turkmen letters as they are.
 */
export function buildCsvTemplate(locale: Locale): Buffer {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  const header = observerFields.map((field) => `"${t(`observerImport.headers.${field}`).replace(/"/g, '""')}"`).join(",");
  return Buffer.from(`\uFEFF${header}\r\n`, "utf8");
}
