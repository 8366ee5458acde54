/**
 * ISO 3166-1 alpha-2 country codes and the names a spreadsheet may use instead of them.
 * Names come from the runtime's CLDR data (Intl.DisplayNames) in English, Russian and Turkmen,
 * plus the official and colloquial names that CLDR does not use (USA, Российская Федерация…).
 */
import { countryCodes as officialCountryCodes } from "@/lib/organizations/countries";

/** The officially assigned codes, plus XK, which Kosovo's passports use as their country code. */
export const nationalityCodes: readonly string[] = [...officialCountryCodes, "XK"];

const assigned = new Set(nationalityCodes);

export function isCountryCode(code: string): boolean {
  return assigned.has(code);
}

/** Case, accents, punctuation, "&" and the Russian ё do not distinguish two country names. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const aliases: Record<string, string[]> = {
  US: ["USA", "U.S.A.", "United States of America", "America", "США", "Соединённые Штаты Америки"],
  GB: ["UK", "U.K.", "Great Britain", "Britain", "United Kingdom of Great Britain and Northern Ireland", "Соединённое Королевство", "Британия"],
  RU: ["Russian Federation", "Российская Федерация", "РФ"],
  TR: ["Turkey", "Türkiye Cumhuriyeti", "Турецкая Республика"],
  CZ: ["Czech Republic", "Чешская Республика"],
  KR: ["Republic of Korea", "Korea, Republic of", "Korea (South)", "Южная Корея", "Корея"],
  KP: ["Democratic People's Republic of Korea", "Korea (North)", "Северная Корея"],
  KG: ["Kyrgyz Republic", "Кыргызстан", "Кыргызская Республика"],
  MD: ["Republic of Moldova", "Молдавия", "Республика Молдова"],
  BY: ["Белоруссия", "Республика Беларусь"],
  TM: ["Туркмения"],
  KZ: ["Республика Казахстан"],
  UZ: ["Республика Узбекистан"],
  TJ: ["Республика Таджикистан"],
  AZ: ["Азербайджанская Республика"],
  IR: ["Islamic Republic of Iran", "Iran, Islamic Republic of", "Исламская Республика Иран"],
  SY: ["Syrian Arab Republic"],
  LA: ["Lao People's Democratic Republic", "Lao PDR"],
  VN: ["Viet Nam"],
  AE: ["UAE", "United Arab Emirates", "Объединённые Арабские Эмираты"],
  NL: ["Holland", "Netherlands, Kingdom of the", "Голландия"],
  MK: ["Macedonia", "Republic of North Macedonia", "Македония"],
  SZ: ["Swaziland", "Свазиленд"],
  CI: ["Ivory Coast", "Кот-д'Ивуар"],
  CV: ["Cape Verde"],
  VA: ["Holy See", "Vatican", "Святой Престол"],
  PS: ["Palestine", "State of Palestine", "Палестина"],
  CD: ["Democratic Republic of the Congo", "DR Congo", "DRC", "Демократическая Республика Конго", "ДР Конго"],
  CG: ["Republic of the Congo", "Congo", "Республика Конго", "Конго"],
  BO: ["Plurinational State of Bolivia"],
  VE: ["Bolivarian Republic of Venezuela"],
  TZ: ["United Republic of Tanzania"],
  FM: ["Federated States of Micronesia"],
  MM: ["Burma", "Myanmar"],
  TL: ["East Timor"],
  HK: ["Hong Kong"],
  MO: ["Macao", "Macau"],
};

function buildNameIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normalizeName(name);
    if (key) index.set(key, code);
  };
  for (const locale of ["en", "ru", "tk"]) {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const code of nationalityCodes) {
      const name = names.of(code);
      if (!name) continue;
      add(name, code);
      // CLDR writes "St. Lucia", "Congo - Kinshasa", "Myanmar (Burma)": people write the long or short form.
      add(name.replace(/^St\.\s/, "Saint "), code);
      add(name.replace(/\s*\(.*\)\s*$/, ""), code);
    }
  }
  for (const [code, names] of Object.entries(aliases)) for (const name of names) add(name, code);
  return index;
}

let nameIndex: Map<string, string> | undefined;

/**
 * The ISO code for "TM", "tm", "Turkmenistan", "Туркменистан", "Türkmenistan", "USA"…;
 * undefined when the text names no country.
 */
export function countryCodeOf(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (assigned.has(code)) return code;
  nameIndex ??= buildNameIndex();
  // "UK" is not a code but a name.
  return nameIndex.get(normalizeName(text));
}
