import { describe, expect, it } from "vitest";
import { countryCodeOf, nationalityCodes, isCountryCode, normalizeName } from "./countries";

describe("nationalityCodes", () => {
  it("holds the 249 ISO 3166-1 alpha-2 codes and Kosovo's XK, once each", () => {
    expect(nationalityCodes).toHaveLength(250);
    expect(new Set(nationalityCodes).size).toBe(250);
    expect(nationalityCodes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });

  it("excludes regions that are not countries, which Intl.DisplayNames would still name", () => {
    for (const code of ["EU", "UN", "EZ", "QO", "ZZ", "UK"]) expect(isCountryCode(code)).toBe(false);
    for (const code of ["TM", "RU", "US", "XK", "PS", "VA"]) expect(isCountryCode(code)).toBe(true);
  });
});

describe("countryCodeOf", () => {
  it.each(["en", "ru", "tk"])("finds every country by its own %s name, without two countries sharing one", (locale) => {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    const wrong = nationalityCodes.filter((code) => countryCodeOf(names.of(code) ?? "") !== code);
    expect(wrong).toEqual([]);
  });

  it("reads codes in any case, and refuses unknown ones", () => {
    expect(countryCodeOf("tm")).toBe("TM");
    expect(countryCodeOf(" De ")).toBe("DE");
    expect(countryCodeOf("ZZ")).toBeUndefined();
    expect(countryCodeOf("EU")).toBeUndefined();
  });

  it("ignores case, accents, punctuation and the Russian ё", () => {
    expect(countryCodeOf("GERMANY")).toBe("DE");
    expect(countryCodeOf("cote d'ivoire")).toBe("CI");
    expect(countryCodeOf("Côte d’Ivoire")).toBe("CI");
    expect(countryCodeOf("turkiye")).toBe("TR");
    expect(countryCodeOf("Bosnia and Herzegovina")).toBe("BA");
    expect(countryCodeOf("Bosnia & Herzegovina")).toBe("BA");
    expect(countryCodeOf("Saint Lucia")).toBe("LC");
    expect(countryCodeOf("соединённые штаты")).toBe("US");
    expect(countryCodeOf("Республика Корея")).toBe("KR");
  });

  it("knows the common and official names that CLDR does not use", () => {
    expect(countryCodeOf("USA")).toBe("US");
    expect(countryCodeOf("United States of America")).toBe("US");
    expect(countryCodeOf("UK")).toBe("GB");
    expect(countryCodeOf("Great Britain")).toBe("GB");
    expect(countryCodeOf("Russia")).toBe("RU");
    expect(countryCodeOf("Россия")).toBe("RU");
    expect(countryCodeOf("Russian Federation")).toBe("RU");
    expect(countryCodeOf("Российская Федерация")).toBe("RU");
    expect(countryCodeOf("Turkey")).toBe("TR");
    expect(countryCodeOf("Czech Republic")).toBe("CZ");
    expect(countryCodeOf("Кыргызстан")).toBe("KG");
    expect(countryCodeOf("Туркмения")).toBe("TM");
    expect(countryCodeOf("Myanmar")).toBe("MM");
  });

  it("does not guess at text that names no country", () => {
    expect(countryCodeOf("Atlantis")).toBeUndefined();
    expect(countryCodeOf("")).toBeUndefined();
    expect(countryCodeOf("Europe")).toBeUndefined();
  });
});

describe("normalizeName", () => {
  it("folds what does not distinguish two names", () => {
    expect(normalizeName("  São Tomé & Príncipe ")).toBe("sao tome and principe");
    expect(normalizeName("Соединённые Штаты")).toBe(normalizeName("соединенные штаты"));
  });
});
