import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { formatDay } from "./format";

const catalogs = { tk, ru, en } as const;
const locales = ["tk", "ru", "en"] as const;

/**
 * A Russian day ends in "г." («7 декабря 2026 г.»): a message that puts it before its own full
 * stop prints «г..». Each message given a formatted day is checked in every language.
 */
describe("days in sentences", () => {
  const due = (locale: (typeof locales)[number]) => formatDay("2026-12-07", locale);

  it("formats a Russian day with its abbreviation, which is why the messages below must not add a full stop after it", () => {
    expect(due("ru")).toBe("7 декабря 2026 г.");
  });

  it("never doubles the full stop in the review history's submission line", () => {
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: catalogs[locale], namespace: "review.history" });
      expect(t("submission", { number: 2, count: 3, due: due(locale) })).not.toMatch(/\.\./);
    }
    const t = createTranslator({ locale: "ru", messages: ru, namespace: "review.history" });
    expect(t("submission", { number: 2, count: 3, due: due("ru") })).toBe("Подача № 2: срок решения — 7 декабря 2026 г., наблюдателей: 3.");
  });

  it("never doubles the full stop in the receipt's and the commission's notice's due date", () => {
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: catalogs[locale], namespace: "email" });
      expect(t("applicationReceipt.due", { date: due(locale) })).not.toMatch(/\.\./);
      expect(t("applicationNotice.due", { date: due(locale) })).not.toMatch(/\.\./);
    }
  });
});
