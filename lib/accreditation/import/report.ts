import type { Locale } from "@/i18n/routing";
import { templateHeading } from "./columns";
import type { ColumnHeadings, ImportError } from "./rows";

/**
 * A problem as the import report shows it: the row as the spreadsheet numbers it and the column
 * by the heading the coordinator sees in the file, not by the web form's label (the two differ:
 * "Arrival date" in the template, "Arrival" on the form). Both null for the whole file.
 */
export type ReportedImportError = Omit<ImportError, "column"> & { heading: string | null };

/** `locale` names a column the file lacks when the file's own language cannot be told. */
export function reportedErrors(errors: readonly ImportError[], headings: ColumnHeadings, locale: Locale): ReportedImportError[] {
  return errors.map(({ column, ...error }) => ({ ...error, heading: column && (headings[column] ?? templateHeading(column, locale)) }));
}
