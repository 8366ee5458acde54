import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReportedImportError } from "@/lib/accreditation/import";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { ImportReport } from "./import-report";

const catalogs = { tk, ru, en };

function rendered(locale: keyof typeof catalogs, errors: ReportedImportError[]) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="Asia/Ashgabat">
      <ImportReport errors={errors} total={errors.length} ref={null} />
    </NextIntlClientProvider>,
  );
}

/** Each table row's cells, as text. */
const tableRows = (html: string) => [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map(([, cell]) => cell));

describe("ImportReport", () => {
  it("lists each cell's problem by the spreadsheet's row and the column's heading in the file", () => {
    const html = rendered("en", [
      { row: 2, heading: "Номер паспорта*", code: "passportFormat" },
      { row: 4, heading: "Arrival date", code: "dateFormat" },
    ]);
    expect(html).toContain("Nothing was imported: 2 problems to correct");
    expect(tableRows(html)).toEqual([
      ["Row", "Column", "Problem"],
      ["2", "Номер паспорта*", en.validation.passportFormat],
      ["4", "Arrival date", en.validation.dateFormat],
    ]);
  });

  it.each(["tk", "ru", "en"] as const)("says in words (%s) that an empty file holds no observers and is not the template, without a table of dashes", (locale) => {
    const messages = catalogs[locale];
    const html = rendered(locale, [{ row: null, heading: null, code: "emptyFile" }]);
    expect(html).toContain(`<p>${messages.validation.emptyFile}</p>`);
    expect(html).not.toContain("<table");
    expect(html).not.toContain("—");
    expect(html).not.toContain(messages.validation.required);
  });

  it("says a header row alone has no observer rows, and that a file without the template's headings is not the template", () => {
    expect(rendered("en", [{ row: null, heading: null, code: "noObserverRows" }])).toContain("<p>The file has no observers below the header row.</p>");
    const notTemplate = rendered("ru", [{ row: null, heading: null, code: "notTemplate" }]);
    expect(notTemplate).toContain("<p>Это не шаблон списка наблюдателей: в первой строке файла нет ни одного заголовка столбцов шаблона.");
  });
});
