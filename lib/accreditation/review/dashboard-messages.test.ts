import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";

/** The commission dashboard's counts agree with their number in every language (app/[locale]/(commission)/commission/page.tsx). */
const figure = (locale: "tk" | "ru" | "en", key: "waiting" | "overdue" | "observersPending", count: number) =>
  createTranslator({ locale, messages: { tk, ru, en }[locale], namespace: "workspace.figures" }).markup(key, { count, strong: (chunks) => `[${chunks}]` });

describe("the commission dashboard's figures", () => {
  it("say one application and one observer in the singular", () => {
    expect(figure("en", "waiting", 1)).toBe("[1] application waiting for a decision");
    expect(figure("en", "overdue", 1)).toBe("[1] application past its legal deadline");
    expect(figure("en", "observersPending", 1)).toBe("[1] observer waiting for a decision");
    expect(figure("en", "observersPending", 4)).toBe("[4] observers waiting for a decision");
  });

  it("take Russian's forms for 1, 2–4 and 5 and more", () => {
    expect([1, 4, 5, 21, 12].map((n) => figure("ru", "waiting", n))).toEqual([
      "[1] заявка ожидает решения",
      "[4] заявки ожидают решения",
      "[5] заявок ожидают решения",
      "[21] заявка ожидает решения",
      "[12] заявок ожидают решения",
    ]);
    expect([1, 4, 5].map((n) => figure("ru", "overdue", n))).toEqual(["[1] заявка с истёкшим сроком решения", "[4] заявки с истёкшим сроком решения", "[5] заявок с истёкшим сроком решения"]);
    expect([1, 4, 5].map((n) => figure("ru", "observersPending", n))).toEqual(["[1] наблюдатель ожидает решения", "[4] наблюдателя ожидают решения", "[5] наблюдателей ожидают решения"]);
  });

  it("keep the Turkmen noun singular after a number, as the language does", () => {
    expect(figure("tk", "waiting", 1)).toBe("[1] arza karara garaşýar");
    expect(figure("tk", "observersPending", 4)).toBe("[4] synçy karara garaşýar");
  });

  it("count arrivals in Russian with the noun agreeing", () => {
    const t = createTranslator({ locale: "ru", messages: ru, namespace: "workspace" });
    expect([1, 3, 7].map((count) => t("arrivalsOn", { date: "1 декабря", count }))).toEqual(["1 декабря: 1 наблюдатель", "1 декабря: 3 наблюдателя", "1 декабря: 7 наблюдателей"]);
  });
});
