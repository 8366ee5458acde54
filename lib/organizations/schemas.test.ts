import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms";
import { countryCodes, countryOptions } from "./countries";
import { organizationSchema } from "./schemas";

const valid = {
  nameTk: "Türki döwletleriň guramasy",
  nameRu: "Организация тюркских государств",
  nameEn: "Organization of Turkic States",
  acronym: "OTS",
  cyrillicAcronym: "ОТГ",
  kind: "intergovernmental",
  seatCountry: "TR",
  website: "https://www.turkicstates.org",
};

function errorsOf(input: Record<string, unknown>) {
  const parsed = organizationSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("organizationSchema", () => {
  it("accepts a complete organization and trims its text", () => {
    const parsed = organizationSchema.parse({ ...valid, acronym: "  OTS ", nameEn: " Organization of Turkic States  " });
    expect(parsed.acronym).toBe("OTS");
    expect(parsed.nameEn).toBe("Organization of Turkic States");
  });

  it("requires the three names, the acronym, a kind and a seat country, as message keys", () => {
    expect(errorsOf({ nameTk: " ", nameRu: "", nameEn: "", acronym: "", kind: "", seatCountry: "", website: "" })).toEqual({
      nameTk: "required",
      nameRu: "required",
      nameEn: "required",
      acronym: "required",
      kind: "choose",
      seatCountry: "choose",
    });
  });

  it("accepts an optional Cyrillic acronym of Cyrillic letters and digits in parts, and nothing Latin", () => {
    for (const cyrillicAcronym of ["", "ОТГ", "ИК СНГ", "ОБСЕ/БДИПЧ", "ЦИК РУз", "ПА ОДКБ-2"]) expect(errorsOf({ ...valid, cyrillicAcronym }), cyrillicAcronym).toEqual({});
    expect(organizationSchema.parse({ ...valid, cyrillicAcronym: "  ИК СНГ " }).cyrillicAcronym).toBe("ИК СНГ");
    for (const cyrillicAcronym of ["CIS", "СНГ CIS", "123", "ИК  СНГ", "СНГ/", "<СНГ>"]) expect(errorsOf({ ...valid, cyrillicAcronym }), cyrillicAcronym).toEqual({ cyrillicAcronym: "cyrillicAcronym" });
    expect(errorsOf({ ...valid, cyrillicAcronym: "С".repeat(33) })).toEqual({ cyrillicAcronym: "tooLong" });
  });

  it("accepts no website at all", () => {
    expect(errorsOf({ ...valid, website: "" })).toEqual({});
  });

  it("accepts only https addresses with a host as a website", () => {
    expect(errorsOf({ ...valid, website: "https://osce.org/odihr?lang=ru" })).toEqual({});
    for (const website of ["http://osce.org", "javascript:alert(1)", "osce.org", "https://localhost", "https://user:pw@osce.org", "ftp://osce.org"]) {
      expect(errorsOf({ ...valid, website }), website).toEqual({ website: "httpsUrl" });
    }
  });

  it("accepts only assigned ISO 3166-1 alpha-2 codes, in capitals", () => {
    expect(errorsOf({ ...valid, seatCountry: "pl" })).toEqual({ seatCountry: "choose" });
    expect(errorsOf({ ...valid, seatCountry: "XX" })).toEqual({ seatCountry: "choose" });
    expect(errorsOf({ ...valid, seatCountry: "TM" })).toEqual({});
  });

  it("refuses unknown kinds and overlong values", () => {
    expect(errorsOf({ ...valid, kind: "party" })).toEqual({ kind: "choose" });
    expect(errorsOf({ ...valid, acronym: "A".repeat(33), nameRu: "я".repeat(301) })).toEqual({ acronym: "tooLong", nameRu: "tooLong" });
  });
});

describe("countryOptions", () => {
  it("offers all 249 countries, named and sorted in the page's language", () => {
    for (const locale of ["tk", "ru", "en"]) {
      const options = countryOptions(locale);
      expect(options).toHaveLength(countryCodes.length);
      expect(countryCodes).toHaveLength(249);
      const labels = options.map((o) => o.label);
      expect([...labels].sort(new Intl.Collator(locale).compare)).toEqual(labels);
      expect(options.every((o) => o.label !== o.value)).toBe(true);
    }
    expect(countryOptions("tk").find((o) => o.value === "TM")?.label).toBe("Türkmenistan");
    expect(countryOptions("ru").find((o) => o.value === "PL")?.label).toBe("Польша");
    expect(countryOptions("en").find((o) => o.value === "CN")?.label).toBe("China");
  });
});
