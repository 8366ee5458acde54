/**
 * A stored key that puts people's names in Turkmen alphabetical order with a plain `order by`.
 * The embedded database has no ICU collation (it sorts bytes: "Öwezow" before "Äşirowa", every
 * Cyrillic letter after "z"), and PostgreSQL's order depends on the server's locale; a key of
 * lowercase ASCII letters only sorts the same under any collation, so paging is identical on both.
 */

/**
 * The Turkmen Latin alphabet (A B Ç D E Ä F G H I J Ž K L M N Ň O Ö P R S Ş T U Ü W Y Ý Z) with
 * the letters it lacks where foreign names put them: C before Ç, Q after P, V and X around W.
 */
const latin = "a b c ç d e ä f g h i j ž k l m n ň o ö p q r s ş t u ü v w x y ý z";
/** Russian with the letters of Turkmen Cyrillic (Җ Ң Ө Ү Ә) in their places, after every Latin letter. */
const cyrillic = "а б в г д е ё ж җ з и й к л м н ң о ө п р с т у ү ф х ц ч ш щ ъ ы ь э ә ю я";

/** Letters without a decomposition that names still carry (Scandinavian, Polish, Icelandic, Turkish). */
const spelledOut: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h" };

/** `number` in base 26 written with a–z, `digits` long. */
function lettersOf(number: number, digits: number) {
  let letters = "";
  for (let rest = number, i = 0; i < digits; i++, rest = Math.floor(rest / 26)) letters = String.fromCharCode(97 + (rest % 26)) + letters;
  return letters;
}

/** Two letters per letter; "aa" is kept for the end of a part, so "Aman" sorts before "Amanow". */
const END_OF_PART = lettersOf(0, 2);
const weights = new Map([...latin.split(" "), ...cyrillic.split(" ")].map((letter, i) => [letter, lettersOf(i + 1, 2)]));
/** Any other letter or digit (Greek, a Kazakh letter…) comes after all of these, by code point. */
const otherLetter = (letter: string) => "zz" + lettersOf(letter.codePointAt(0)!, 5);

function letterKey(letter: string): string {
  const weight = weights.get(letter);
  if (weight) return weight;
  // é is e and å is a; the Turkmen letters with marks (ä, ç, ň…) have weights of their own above.
  const spelled = spelledOut[letter] ?? letter.normalize("NFD").replace(/\p{M}/gu, "");
  if (spelled !== letter && spelled !== "") return [...spelled].map(letterKey).join("");
  // Spaces, hyphens and apostrophes do not count: "O'Neill" sorts as "ONeill", "van der Berg" as one word.
  return /[\p{L}\p{N}]/u.test(letter) ? otherLetter(letter) : "";
}

const partKey = (part: string) => [...part.normalize("NFC").toLowerCase()].map(letterKey).join("");

/** The key of a name given in parts (surname first): by the first part, then the next… */
export const nameSortKey = (...parts: string[]) => parts.map((part) => partKey(part) + END_OF_PART).join("");
