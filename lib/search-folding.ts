import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * Letters a reviewer may not have on the keyboard, searched as their plain Latin letter (Äşirowa
 * found by "asirowa"), and Cyrillic capitals as small letters: ILIKE folds only ASCII under the
 * embedded database's C locale, so "нурпеисова" would miss "Нурпеисова" there.
 */
const pairs: [from: string, to: string][] = [
  ["ÄÁÀÂÃÅĀĄ", "A"], ["äáàâãåāą", "a"], ["ÇČĆ", "C"], ["çčć", "c"], ["Ď", "D"], ["ď", "d"],
  ["ÉÈÊËĒĘ", "E"], ["éèêëēę", "e"], ["Ğ", "G"], ["ğ", "g"], ["ÍÌÎÏĪİ", "I"], ["íìîïīı", "i"],
  ["Ł", "L"], ["ł", "l"], ["ŇŃÑ", "N"], ["ňńñ", "n"], ["ÖÓÒÔÕØŌ", "O"], ["öóòôõøō", "o"],
  ["Ř", "R"], ["ř", "r"], ["ŞŠŚ", "S"], ["şšś", "s"], ["Ť", "T"], ["ť", "t"],
  ["ÜÚÙÛŪ", "U"], ["üúùûū", "u"], ["ÝŸ", "Y"], ["ýÿ", "y"], ["ŽŹŻ", "Z"], ["žźż", "z"],
  ["АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдеежзийклмнопрстуфхцчшщъыьэюя"], ["ё", "е"],
];
const from: string[] = [];
const to: string[] = [];
for (const [letters, plain] of pairs) {
  [...letters].forEach((letter, i) => {
    from.push(letter);
    // One plain letter for a group of accented ones, or letter for letter (the Cyrillic alphabet).
    to.push([...plain].length === 1 ? plain : [...plain][i]!);
  });
}
const folding = new Map(from.map((letter, i) => [letter, to[i]!]));
const FROM = from.join("");
const TO = to.join("");

/** The search term as the folded column is compared with it. */
export const foldForSearch = (text: string) => [...text].map((letter) => folding.get(letter) ?? letter).join("");

/** The column's text with the same folding, for ILIKE against a folded term. */
export const foldedColumn = (value: SQLWrapper): SQL => sql`translate(${value}, ${FROM}, ${TO})`;
