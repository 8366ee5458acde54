import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";

type Messages = { [key: string]: string | Messages };

const catalogs = { tk, ru, en } as Record<"tk" | "ru" | "en", Messages>;

function flatten(messages: Messages, prefix = ""): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Messages, path)) flat.set(k, v);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

/**
 * The argument names of an ICU message ("{name}", "{count, plural, one {…} other {…}}"),
 * including those nested in plural/select branches. Throws on unbalanced braces.
 */
function icuArguments(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;

  // Reads literal text (with ICU apostrophe quoting) up to an unmatched "}" or the end.
  function text(nested: boolean) {
    while (i < message.length) {
      const c = message[i];
      if (c === "'" && message[i + 1] === "'") {
        i += 2;
      } else if (c === "'" && (message[i + 1] === "{" || message[i + 1] === "}")) {
        const end = message.indexOf("'", i + 1);
        if (end === -1) throw new Error(`Unterminated quote in ${JSON.stringify(message)}`);
        i = end + 1;
      } else if (c === "{") {
        argument();
      } else if (c === "}") {
        if (!nested) throw new Error(`Unbalanced "}" in ${JSON.stringify(message)}`);
        return;
      } else {
        i++;
      }
    }
    if (nested) throw new Error(`Unbalanced "{" in ${JSON.stringify(message)}`);
  }

  // At "{": an argument, optionally with a type and (for plural/select) branches.
  function argument() {
    i++;
    const close = /[,}]/.exec(message.slice(i));
    if (!close) throw new Error(`Unbalanced "{" in ${JSON.stringify(message)}`);
    const name = message.slice(i, i + close.index).trim();
    if (!/^[A-Za-z_][\w]*$/.test(name)) throw new Error(`Bad argument name ${JSON.stringify(name)} in ${JSON.stringify(message)}`);
    names.add(name);
    i += close.index;
    if (message[i] === "}") {
      i++;
      return;
    }
    i++; // ","
    const typeEnd = /[,}]/.exec(message.slice(i));
    if (!typeEnd) throw new Error(`Unbalanced "{" in ${JSON.stringify(message)}`);
    const type = message.slice(i, i + typeEnd.index).trim();
    i += typeEnd.index;
    if (message[i] === "}") {
      i++;
      return;
    }
    i++; // ","
    if (type === "plural" || type === "select" || type === "selectordinal") {
      // selector {message} selector {message} … }
      while (i < message.length) {
        while (/\s/.test(message[i] ?? "")) i++;
        if (message[i] === "}") {
          i++;
          return;
        }
        const open = message.indexOf("{", i);
        if (open === -1) throw new Error(`Branch without a message in ${JSON.stringify(message)}`);
        i = open + 1;
        text(true);
        i++; // the branch's "}"
      }
      throw new Error(`Unbalanced "{" in ${JSON.stringify(message)}`);
    }
    // number/date/time with a style or skeleton: skip to the matching "}".
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      if (message[i] === "}") depth--;
      i++;
    }
    if (depth > 0) throw new Error(`Unbalanced "{" in ${JSON.stringify(message)}`);
  }

  text(false);
  return names;
}

const flat = {
  tk: flatten(catalogs.tk),
  ru: flatten(catalogs.ru),
  en: flatten(catalogs.en),
};
const locales = ["tk", "ru", "en"] as const;

describe("icuArguments (the helper this file relies on)", () => {
  it("finds plain, typed and nested arguments and rejects unbalanced braces", () => {
    expect([...icuArguments("Page {page} of {pages}")]).toEqual(["page", "pages"]);
    expect([...icuArguments("{n, plural, one {# by {who}} other {# items}}")].sort()).toEqual(["n", "who"]);
    expect([...icuArguments("On {d, date, short}: '{'literal'}'")]).toEqual(["d"]);
    expect(() => icuArguments("Hello {name")).toThrow();
    expect(() => icuArguments("Hello name}")).toThrow();
  });
});

describe("message catalogs", () => {
  it("have exactly the same keys in every locale", () => {
    const enKeys = [...flat.en.keys()].sort();
    expect(enKeys.length).toBeGreaterThan(0);
    expect([...flat.tk.keys()].sort()).toEqual(enKeys);
    expect([...flat.ru.keys()].sort()).toEqual(enKeys);
  });

  it.each(locales)("%s has only non-empty string values", (locale) => {
    const bad = [...flat[locale]].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it.each(locales)("%s values are well-formed ICU messages", (locale) => {
    const bad: string[] = [];
    for (const [key, value] of flat[locale]) {
      try {
        icuArguments(String(value));
      } catch {
        bad.push(key);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(["tk", "ru"] as const)("%s uses every placeholder that en uses, and no others", (locale) => {
    const problems: string[] = [];
    for (const [key, enValue] of flat.en) {
      const expected = [...icuArguments(String(enValue))].sort();
      const translated = flat[locale].get(key);
      if (typeof translated !== "string") continue; // reported by the key test
      const actual = [...icuArguments(translated)].sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(`${key}: en has {${expected.join("}, {")}}, ${locale} has {${actual.join("}, {")}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(["tk", "ru"] as const)("%s is translated, not copied from en", (locale) => {
    // Values that may legitimately be the same in every language.
    const sameEverywhere = new Set(["Administrator"]);
    const comparable = [...flat.en].filter(([, value]) => {
      const text = String(value).replace(/\{[^{}]*\}/g, "").trim();
      return /\p{L}/u.test(text) && !sameEverywhere.has(String(value));
    });
    expect(comparable.length).toBeGreaterThan(20);
    const copied = comparable.filter(([key, value]) => flat[locale].get(key) === value).map(([key]) => key);
    expect(copied.length / comparable.length, `copied from en: ${copied.join(", ")}`).toBeLessThan(0.1);
  });
});

/** The bodies of the "one {…}" branches of a message's plurals. */
function oneBranches(message: string): string[] {
  const bodies: string[] = [];
  for (const match of message.matchAll(/[\s{]one\s*\{/g)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let i = start;
    for (; i < message.length && depth > 0; i++) {
      if (message[i] === "{") depth++;
      else if (message[i] === "}") depth--;
    }
    bodies.push(message.slice(start, i - 1));
  }
  return bodies;
}

describe("grammar that depends on a number", () => {
  it("oneBranches (the helper below) finds each plural's one branch, nested braces included", () => {
    expect(oneBranches("{n, plural, =1 {it} one {# {who}} other {#}} {m, plural, one {x} other {y}}")).toEqual(["# {who}", "x"]);
  });

  it("tk glues no suffix onto an argument (6-njy but 7-nji, 500-den but 30-dan: the suffix follows the sound of the number)", () => {
    const glued = [...flat.tk].filter(([, value]) => /\{\w+\}-\p{L}/u.test(String(value))).map(([key]) => key);
    expect(glued).toEqual([]);
  });

  it("tk puts «çenli» after a dative, never straight after a date or a time", () => {
    const bare = [...flat.tk].filter(([, value]) => /\{(date|time|due)\} çenli/.test(String(value))).map(([key]) => key);
    expect(bare).toEqual([]);
  });

  it("ru shows the number in every one branch: 21 and 31 take it too, so only =1 may leave it out", () => {
    const numberless = [...flat.ru].filter(([, value]) => oneBranches(String(value)).some((body) => !body.includes("#"))).map(([key]) => key);
    expect(numberless).toEqual([]);
  });

  it("ru agrees the nouns after a count with the number", () => {
    const t = createTranslator({ locale: "ru", messages: ru });
    expect(t("outbox.detail.failedNote", { max: 10 })).toBe("Отправитель прекратил попытки после 10 неудачных попыток.");
    expect(t("outbox.detail.failedNote", { max: 21 })).toBe("Отправитель прекратил попытки после 21 неудачной попытки.");
    expect(t("observerImport.reportTruncated", { shown: 50 })).toBe("Показаны первые 50 ошибок.");
    expect(t("observerImport.reportTruncated", { shown: 3 })).toBe("Показаны первые 3 ошибки.");
    expect(t("observerImport.reportTruncated", { shown: 21 })).toBe("Показана первая 21 ошибка.");
    const undecidable = (count: number) => t("review.refusals.undecidable", { count, names: "A" });
    expect(undecidable(1)).toContain("этот наблюдатель не может");
    expect(undecidable(1)).toContain("Снимите с него отметку");
    expect(undecidable(21)).toContain("21 наблюдатель не может");
    expect(undecidable(21)).toContain("Снимите с них отметку");
    expect(undecidable(5)).toContain("эти 5 наблюдателей не могут");
  });
});

describe("the date rules' messages", () => {
  // Forms carry a field's code only (lib/forms.ts), never its parameters: a placeholder would show as its key.
  const dateRules = ["departureNotAfterArrival", "arrivalOutsideObservation", "departureOutsideObservation", "underage", "dateOfBirthAfterElection", "dateOfBirthImplausible", "passportExpiresBeforeDeparture"];

  it("name no parameter, in any language", () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const validation = catalog.validation as Messages;
      for (const code of dateRules) expect(validation[code], `${locale} validation.${code}`).not.toMatch(/\{/);
    }
  });
});
