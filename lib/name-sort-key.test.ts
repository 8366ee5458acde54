import { describe, expect, it } from "vitest";
import { nameSortKey } from "./name-sort-key";

/** Sorted as the database sorts the stored key: byte by byte. */
const sortedByKey = (names: string[][]) =>
  [...names]
    .map((parts) => ({ parts, key: nameSortKey(...parts) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ parts }) => parts.join(", "));

/** Every name out of place, so that only the key can put them back. */
const reversed = (names: string[]) => [...names].reverse().map((surname) => [surname]);

describe("nameSortKey", () => {
  it("follows the Turkmen alphabet: A B Ç D E Ä F G H I J Ž K L M N Ň O Ö P R S Ş T U Ü W Y Ý Z", () => {
    const inOrder = [
      "Aman", "Berdi", "Çary", "Dursun", "Eziz", "Äşirowa", "Farhad", "Gurban", "Hojaýew", "Ibadow", "Jeren", "Žanna", "Kerim",
      "Leýli", "Myrat", "Nury", "Ňurow", "Oraz", "Öwezow", "Pena", "Rahman", "Serdar", "Şöhrat", "Töre", "Ussa", "Ülker", "Wepa",
      "Ylýas", "Ýazmyrat", "Zöhre",
    ];
    expect(inOrder).toHaveLength(30);
    expect(sortedByKey(reversed(inOrder))).toEqual(inOrder);
  });

  it("compares letter by letter, a shorter name first, and puts the letters Turkmen lacks where foreign names expect them", () => {
    const inOrder = ["Agamyrat", "Aman", "Amanow", "Cooper", "Çary", "Murat", "Müller", "Myrat", "Pena", "Quinn", "Rahman", "Ussa", "Ülker", "Vogel", "Wepa", "Xavier", "Ylýas"];
    expect(sortedByKey(reversed(inOrder))).toEqual(inOrder);
  });

  it("sorts by surname, then by given names", () => {
    const names = [["Amanow", "Aba"], ["Aman", "Çary"], ["Aman", "Berdi"], ["Äşirowa", "Ogulgerek"]];
    expect(sortedByKey(names)).toEqual(["Aman, Berdi", "Aman, Çary", "Amanow, Aba", "Äşirowa, Ogulgerek"]);
  });

  it("ignores case, spaces, hyphens and apostrophes, and reads other accented letters as their plain letter", () => {
    expect(nameSortKey("ÄŞIROWA", "OGULGEREK")).toBe(nameSortKey("Äşirowa", "Ogulgerek"));
    expect(nameSortKey("O'Neill")).toBe(nameSortKey("ONeill"));
    expect(nameSortKey("Smith-Jones")).toBe(nameSortKey("Smith Jones"));
    expect(nameSortKey("Élise", "José")).toBe(nameSortKey("Elise", "Jose"));
    expect(nameSortKey("Jørgensen")).toBe(nameSortKey("Jorgensen"));
    expect(nameSortKey("Straße")).toBe(nameSortKey("Strasse"));
    // Composed or not, as a browser may send it.
    expect(nameSortKey("A\u0308şirowa")).toBe(nameSortKey("Äşirowa"));
  });

  it("orders Latin names as Intl.Collator('tk') does, which DOMAIN.md names as the reference", () => {
    const names = [
      "Zähmet", "Öwezow", "Äşirowa", "Aman", "Amanow", "Çary", "Eziz", "Cooper", "Ýazmyrat", "Ylýas", "Wepa", "Vogel", "Müller", "Murat",
      "Myrat", "Jørgensen", "Jorge", "Quinn", "Xavier", "Şirin", "Serdar", "Ňurow", "Nury", "Oraz", "Élise", "Elena", "Žanna", "Jeren",
      "Hojaýew", "Ülker", "Ussa", "García", "Gurban", "Straße", "Strand", "Łukasz", "Lukas", "Töre", "Tomas", "Ağa", "Ahmet", "Ägä",
    ];
    expect(sortedByKey(names.map((name) => [name]))).toEqual([...names].sort(new Intl.Collator("tk").compare));
  });

  it("puts Cyrillic names after every Latin one, in the Russian alphabet's order (Ё after Е) with Turkmen Cyrillic letters in their places", () => {
    const inOrder = ["Zöhre", "Абрамов", "Ершов", "Ёлкин", "Жуков", "Иванов", "Йылдыз", "Нурпеисова", "Оразов", "Өвезова", "Пенаев", "Шукуров", "Эминов", "Яковлев"];
    expect(sortedByKey(reversed(inOrder))).toEqual(inOrder);
    expect(nameSortKey("НУРПЕИСОВА")).toBe(nameSortKey("Нурпеисова"));
  });

  it("puts letters of other scripts last, and is made of lowercase ASCII letters only, which every collation sorts alike", () => {
    expect(sortedByKey([["Παπαδόπουλος"], ["Яковлев"], ["Zöhre"]])).toEqual(["Zöhre", "Яковлев", "Παπαδόπουλος"]);
    for (const name of ["Äşirowa", "Нурпеисова", "Παπαδόπουλος", "O'Neill", "İnce", "Łukasz"]) expect(nameSortKey(name, "Anna")).toMatch(/^[a-z]+$/);
  });
});
