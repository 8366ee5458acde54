import type { Locale } from "@/i18n/routing";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { normalizeName } from "../countries";
import { observerFields, type ObserverField } from "../observer-schema";
import { observerRoles, sexes } from "../vocabulary";

/**
 * How a spreadsheet's words map to the observer's fields and codes. A file may come from a
 * coordinator working in any of the three languages, so every language's heading and label is
 * accepted, as are the codes themselves ("short_term_observer", "passportNumber").
 */

const templates: Record<Locale, typeof en> = { tk, ru, en };
const catalogs = Object.values(templates);

/** Filled in by hand, not required: the other columns must be in the header row. */
export const optionalColumns: ReadonlySet<ObserverField> = new Set(["cyrillicName", "email"]);

/** Columns whose cells are dates (ISO text, or Excel date cells and serial numbers). */
export const dateColumns: ReadonlySet<ObserverField> = new Set([
  "dateOfBirth",
  "passportExpiresOn",
  "arrivalOn",
  "departureOn",
]);

function indexOf<Code extends string>(
  codes: readonly Code[],
  labelsOf: (catalog: typeof en) => Record<Code, string>,
  aliases: Record<string, Code> = {},
) {
  const index = new Map<string, Code>();
  for (const code of codes) {
    index.set(normalizeName(code), code);
    index.set(normalizeName(code.replace(/([a-z])([A-Z])/g, "$1 $2")), code);
    for (const catalog of catalogs) index.set(normalizeName(labelsOf(catalog)[code]), code);
  }
  for (const [alias, code] of Object.entries(aliases)) index.set(normalizeName(alias), code);
  return index;
}

const headerIndex = indexOf(observerFields, (catalog) => catalog.observerImport.headers);
const roleIndex = indexOf(observerRoles, (catalog) => catalog.vocabulary.observerRoles);
// The letters printed in passports (F/M), and the Russian and Turkmen initials.
const sexIndex = indexOf(sexes, (catalog) => catalog.vocabulary.sexes, {
  f: "female",
  m: "male",
  ж: "female",
  м: "male",
  a: "female",
  e: "male",
});

/** The field a heading names, in any language; undefined for a column the portal does not read. */
export function fieldOfHeader(heading: string): ObserverField | undefined {
  // "Passport number*" or "Surname (as in passport)" still name their field.
  return headerIndex.get(normalizeName(heading)) ?? headerIndex.get(normalizeName(heading.replace(/\(.*\)|\*/g, "")));
}

export function roleOf(text: string): string {
  return roleIndex.get(normalizeName(text)) ?? text;
}

export function sexOf(text: string): string {
  return sexIndex.get(normalizeName(text)) ?? text;
}

/** A column's heading in the template of a language. */
export function templateHeading(field: ObserverField, locale: Locale): string {
  return templates[locale].observerImport.headers[field];
}

/**
 * The language of the template a header row was made from: the one whose headings it holds most
 * of, as written; undefined when it holds none (only field names, or headings reworded).
 */
export function templateLocaleOf(headings: readonly string[]): Locale | undefined {
  const written = new Set(headings.map(normalizeName));
  let best: { locale: Locale; count: number } | undefined;
  for (const locale of Object.keys(templates) as Locale[]) {
    const count = observerFields.filter((field) => written.has(normalizeName(templateHeading(field, locale)))).length;
    if (count > (best?.count ?? 0)) best = { locale, count };
  }
  return best?.locale;
}
