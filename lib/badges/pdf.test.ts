import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pdfPages, readQrCode } from "@/test/pdf-reading";
import { A4, badgePhoto, renderBadge, renderBadgeSheet, type BadgeHolder, type BadgeMission } from "./pdf";
import { badgeLabels } from "./pdf-labels";

const mission: BadgeMission = {
  organizationAcronym: "OSCE/ODIHR",
  organizationName: "OSCE Office for Democratic Institutions and Human Rights",
  missionName: "OSCE/ODIHR Election Assessment Mission",
  electionTitles: { tk: "Mejlisiň deputatlarynyň möhletinden öň saýlawlary", ru: "Досрочные выборы депутатов Меджлиса", en: "Early elections of deputies of the Mejlis" },
  validFrom: "2024-06-20",
  validUntil: "2024-07-10",
};

/** A token-sized URL, as the printed badges carry (about 600 characters). */
const urlOf = (n: number) => `https://portal.example/tk/verify?t=eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.${"A".repeat(440)}${n}.${"s".repeat(86)}`;

async function holder(n: number): Promise<BadgeHolder> {
  return {
    accreditationNumber: `EMJ-2024-${String(n).padStart(4, "0")}`,
    surname: `Jørgensen-Žukauskaitė ${n}`,
    givenNames: "Anna Maria",
    cyrillicName: "Анна Мария Йоргенсен",
    role: "short_term_observer",
    verificationUrl: urlOf(n),
    photo: await badgePhoto(await sharp({ create: { width: 600, height: 900, channels: 3, background: "#6b8fb3" } }).jpeg().toBuffer()),
  };
}

const MM = 72 / 25.4;

describe("a badge PDF", () => {
  it("is one 90 × 130 mm page with the labels in three languages, the holder's data and a QR code of the verification URL", async () => {
    const bytes = await renderBadge(mission, await holder(42), badgeLabels, "Observer badge EMJ-2024-0042");
    const [page, ...more] = await pdfPages(bytes);
    expect(more).toHaveLength(0);
    expect(page!.width).toBeCloseTo(90 * MM, 1);
    expect(page!.height).toBeCloseTo(130 * MM, 1);
    for (const text of [
      "HALKARA SYNÇY",
      "МЕЖДУНАРОДНЫЙ НАБЛЮДАТЕЛЬ",
      "INTERNATIONAL OBSERVER",
      "Akkreditasiýa belgisi / Номер аккредитации / Accreditation No.",
      "EMJ-2024-0042",
      "Jørgensen-Žukauskaitė 42",
      "Анна Мария Йоргенсен",
      "Gysga möhletleýin synçy",
      "Краткосрочный наблюдатель",
      "Short-term observer",
      "Mejlisiň deputatlarynyň möhletinden öň saýlawlary",
      "Досрочные выборы депутатов Меджлиса",
      "OSCE/ODIHR Election Assessment Mission",
      "20.06.2024 –",
      "10.07.2024",
    ]) {
      expect(page!.text).toContain(text);
    }
    expect(await readQrCode(bytes)).toBe(urlOf(42));
  });

  it("carries a title and nothing else about the person in its metadata", async () => {
    const doc = await PDFDocument.load(await renderBadge(mission, await holder(7), badgeLabels, "Observer badge EMJ-2024-0007"));
    expect(doc.getTitle()).toBe("Observer badge EMJ-2024-0007");
    expect([doc.getAuthor(), doc.getSubject(), doc.getKeywords()]).toEqual([undefined, undefined, undefined]);
  });

  it("cuts a name too long for the badge with an ellipsis instead of running off its edge", async () => {
    const long = { ...(await holder(1)), givenNames: "Maximilian Alexander Konstantin Friedrich Wilhelm Bartholomäus" };
    const [page] = await pdfPages(await renderBadge(mission, long, badgeLabels, "Badge"));
    expect(page!.text).toMatch(/Maximilian Alexander .*…/);
    expect(page!.text).not.toContain("Bartholomäus");
  });
});

describe("a mission's badge sheet", () => {
  it("puts four badges on each A4 page, in order, each QR code with its own holder's URL", async () => {
    const holders = await Promise.all([1, 2, 3, 4, 5].map(holder));
    const bytes = await renderBadgeSheet(mission, holders, badgeLabels, "Observer badges");
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4.width, 1);
      expect(page.height).toBeCloseTo(A4.height, 1);
    }
    expect(pages[0]!.text).toContain("EMJ-2024-0004");
    expect(pages[0]!.text).not.toContain("EMJ-2024-0005");
    expect(pages[1]!.text).toContain("EMJ-2024-0005");
    // The badges sit in a 2 × 2 grid: the lower right quarter of page 1 holds the fourth badge, the upper left of page 2 the fifth.
    expect(await readQrCode(bytes, 1, { left: 0.5, top: 0.5, width: 0.5, height: 0.5 })).toBe(urlOf(4));
    expect(await readQrCode(bytes, 2, { left: 0, top: 0, width: 0.5, height: 0.5 })).toBe(urlOf(5));
  });
});
