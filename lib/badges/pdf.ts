import { readFile } from "node:fs/promises";
import path from "node:path";
import { deflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, rgb, type PDFEmbeddedPage, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import sharp from "sharp";
import type { Locale } from "@/i18n/routing";
import type { ObserverRole } from "@/lib/accreditation/vocabulary";
import type { BadgeLabels } from "./pdf-labels";

/**
 * Printable badges: a portrait lanyard badge of 90 × 130 mm (a photo a polling-station official
 * can compare with a face, the accreditation number large, the QR code of the verification URL
 * large enough for a phone), alone on its own page or four to an A4 sheet with crop marks.
 * Labels are in Turkmen, Russian and English at once. DejaVu Sans is embedded (subset) so the
 * Turkmen letters and Cyrillic print the same on any machine; it is read once per process and
 * embedded once per document.
 */

/** What every badge of a mission shares: drawn once per document as a template. */
export type BadgeMission = {
  organizationAcronym: string;
  organizationName: string;
  missionName: string | null;
  electionTitles: Record<Locale, string>;
  /** The observation window (Ashgabat days, YYYY-MM-DD). */
  validFrom: string;
  validUntil: string;
};

/** What is one observer's own. */
export type BadgeHolder = {
  accreditationNumber: string;
  surname: string;
  givenNames: string;
  cyrillicName: string | null;
  role: ObserverRole;
  /** The absolute verification URL with the signed token: what the QR code holds. */
  verificationUrl: string;
  /** The photo as badgePhoto() makes it, or null; a promise lets photos shrink while earlier badges are drawn. */
  photo: Uint8Array | null | Promise<Uint8Array | null>;
};

const MM = 72 / 25.4;
const BADGE_WIDTH = 90 * MM;
const BADGE_HEIGHT = 130 * MM;
export const A4 = { width: 210 * MM, height: 297 * MM } as const;
const MARGIN = 5 * MM;
const PHOTO = { width: 28 * MM, height: 37 * MM } as const;
const QR_SIDE = 38 * MM;
const BAND = rgb(0.04, 0.27, 0.31);
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.32, 0.32, 0.32);
const WHITE = rgb(1, 1, 1);
const locales = ["tk", "ru", "en"] as const;

/** The photo at the size it prints (about 220 dpi), cropped to 3:4 from the centre: 500 badges stay a few megabytes. */
export function badgePhoto(stored: Uint8Array) {
  return sharp(stored).resize(240, 320, { fit: "cover" }).jpeg({ quality: 80 }).toBuffer();
}

const fontFile = (name: string) => path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", name);
let fontBytes: Promise<[Buffer, Buffer]> | undefined;
const loadFonts = () => (fontBytes ??= Promise.all([readFile(fontFile("DejaVuSans.ttf")), readFile(fontFile("DejaVuSans-Bold.ttf"))]));

type Fonts = { regular: PDFFont; bold: PDFFont };
type TextStyle = { font: PDFFont; size: number; color?: ReturnType<typeof rgb>; align?: "left" | "center" };

/** Day as DD.MM.YYYY: the same in the three languages. */
const numericDay = (isoDate: string) => isoDate.split("-").reverse().join(".");

/** Draws within a box of `width`: smaller down to 70 % of the size, then cut with an ellipsis. */
function drawFitted(page: PDFPage, text: string, x: number, baseline: number, width: number, style: TextStyle) {
  const { font, color = INK, align = "left" } = style;
  let size = Math.min(style.size, (style.size * width) / Math.max(font.widthOfTextAtSize(text, style.size), 1));
  let shown = text;
  if (size < style.size * 0.7) {
    size = style.size * 0.7;
    while (shown.length > 1 && font.widthOfTextAtSize(`${shown}…`, size) > width) shown = shown.slice(0, -1);
    shown = `${shown.trimEnd()}…`;
  }
  const offset = align === "center" ? (width - font.widthOfTextAtSize(shown, size)) / 2 : 0;
  page.drawText(shown, { x: x + offset, y: baseline, size, font, color });
}

/** The QR code as one vector Form XObject: a rectangle per run of dark modules, deflated by zlib, drawn once. */
function embedQr(doc: PDFDocument, url: string) {
  // One mask for all: choosing the best of eight costs more than the rest of a badge, and any reader decodes every mask.
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M", maskPattern: 0 });
  const size = modules.size;
  const runs: string[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      runs.push(`${start} ${size - 1 - row} ${col - start} 1 re`);
    }
  }
  const content = deflateSync(`0 0 0 rg\n${runs.join("\n")}\nf`, { level: 1 });
  const stream = doc.context.stream(content, { Type: "XObject", Subtype: "Form", BBox: [0, 0, size, size], Filter: "FlateDecode" });
  return { ref: doc.context.register(stream), size };
}

function drawQr(page: PDFPage, qr: ReturnType<typeof embedQr>, x: number, y: number, side: number) {
  const name = page.node.newXObject("Qr", qr.ref);
  const scale = side / qr.size;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, x, y), drawObject(name), popGraphicsState());
}

const trilingual = (labels: BadgeLabels, key: keyof BadgeLabels["en"]) => locales.map((l) => labels[l][key]).join(" / ");

/** Positions on a badge are measured from its top edge in millimetres, as on a drawing. */
const fromTop = (y: number, mm: number) => y + BADGE_HEIGHT - mm * MM;
const INNER = BADGE_WIDTH - 2 * MARGIN;
const PHOTO_TOP = 30;
const COLUMN = MARGIN + PHOTO.width + 3 * MM;
const COLUMN_WIDTH = BADGE_WIDTH - MARGIN - COLUMN;
const BOTTOM_WIDTH = 39 * MM;

/** Everything a mission's badges share, as one page the size of a badge, made once per document. */
async function renderTemplate(mission: BadgeMission, labels: BadgeLabels) {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const page = doc.addPage([BADGE_WIDTH, BADGE_HEIGHT]);
  const from = (mm: number) => fromTop(0, mm);
  const label = (key: keyof BadgeLabels["en"], at: number, x: number, width: number) =>
    drawFitted(page, trilingual(labels, key), x, from(at), width, { font: fonts.regular, size: 5.5, color: MUTED });

  page.drawRectangle({ x: 0, y: 0, width: BADGE_WIDTH, height: BADGE_HEIGHT, borderColor: rgb(0.75, 0.75, 0.75), borderWidth: 0.5 });
  page.drawRectangle({ x: 0, y: from(17), width: BADGE_WIDTH, height: 17 * MM, color: BAND });
  drawFitted(page, labels.tk.heading.toLocaleUpperCase("tk"), MARGIN, from(6.5), INNER, { font: fonts.bold, size: 12, color: WHITE, align: "center" });
  drawFitted(page, labels.ru.heading.toLocaleUpperCase("ru"), MARGIN, from(11), INNER, { font: fonts.regular, size: 8.5, color: WHITE, align: "center" });
  drawFitted(page, labels.en.heading.toLocaleUpperCase("en"), MARGIN, from(15), INNER, { font: fonts.regular, size: 8.5, color: WHITE, align: "center" });
  locales.forEach((l, i) => drawFitted(page, mission.electionTitles[l], MARGIN, from(21 + 3 * i), INNER, { font: i === 0 ? fonts.bold : fonts.regular, size: 6.5, align: "center" }));

  label("accreditationNumber", 33.5, COLUMN, COLUMN_WIDTH);
  label("role", 45, COLUMN, COLUMN_WIDTH);
  label("organization", 59, COLUMN, COLUMN_WIDTH);
  drawFitted(page, mission.organizationAcronym, COLUMN, from(63.5), COLUMN_WIDTH, { font: fonts.bold, size: 10 });
  drawFitted(page, mission.organizationName, COLUMN, from(67), COLUMN_WIDTH, { font: fonts.regular, size: 6 });

  label("mission", 92, MARGIN, BOTTOM_WIDTH);
  drawFitted(page, mission.missionName ?? mission.organizationAcronym, MARGIN, from(95.5), BOTTOM_WIDTH, { font: fonts.regular, size: 6.5 });
  label("validity", 101, MARGIN, BOTTOM_WIDTH);
  drawFitted(page, `${numericDay(mission.validFrom)} –`, MARGIN, from(105.5), BOTTOM_WIDTH, { font: fonts.bold, size: 9 });
  drawFitted(page, numericDay(mission.validUntil), MARGIN, from(110), BOTTOM_WIDTH, { font: fonts.bold, size: 9 });
  locales.forEach((l, i) => drawFitted(page, labels[l].scanToVerify, MARGIN, from(116 + 3 * i), BOTTOM_WIDTH, { font: fonts.regular, size: 5.5, color: MUTED }));
  return doc.save();
}

/** One observer's badge with its lower-left corner at (x, y), on the mission's template. */
async function drawBadge(doc: PDFDocument, page: PDFPage, template: PDFEmbeddedPage, holder: BadgeHolder, fonts: Fonts, labels: BadgeLabels, x: number, y: number) {
  const from = (mm: number) => fromTop(y, mm);
  page.drawPage(template, { x, y });
  const photo = { x: x + MARGIN, y: from(PHOTO_TOP) - PHOTO.height, width: PHOTO.width, height: PHOTO.height };
  const jpeg = await holder.photo;
  if (jpeg) page.drawImage(await doc.embedJpg(jpeg), photo);
  else page.drawRectangle({ ...photo, color: rgb(0.92, 0.92, 0.92) });

  drawFitted(page, holder.accreditationNumber, x + COLUMN, from(40), COLUMN_WIDTH, { font: fonts.bold, size: 16 });
  locales.forEach((l, i) => drawFitted(page, labels[l].roles[holder.role], x + COLUMN, from(48.5 + 3 * i), COLUMN_WIDTH, { font: i === 0 ? fonts.bold : fonts.regular, size: 6.5 }));
  drawFitted(page, holder.surname, x + MARGIN, from(74.5), INNER, { font: fonts.bold, size: 13 });
  drawFitted(page, holder.givenNames, x + MARGIN, from(79.5), INNER, { font: fonts.regular, size: 10.5 });
  if (holder.cyrillicName) drawFitted(page, holder.cyrillicName, x + MARGIN, from(84.5), INNER, { font: fonts.regular, size: 10 });
  drawQr(page, embedQr(doc, holder.verificationUrl), x + BADGE_WIDTH - MARGIN - QR_SIDE, from(127), QR_SIDE);
}

async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const [regular, bold] = await loadFonts();
  return { regular: await doc.embedFont(regular, { subset: true }), bold: await doc.embedFont(bold, { subset: true }) };
}

async function newDocument(mission: BadgeMission, labels: BadgeLabels, title: string) {
  const doc = await PDFDocument.create();
  const [fonts, [template]] = await Promise.all([embedFonts(doc), renderTemplate(mission, labels).then((bytes) => doc.embedPdf(bytes))]);
  // The title only: no author, subject or keywords that could carry more than the badge shows.
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setCreator("Observer Portal");
  doc.setProducer("Observer Portal");
  return { doc, fonts, template: template! };
}

/** pdf-lib yields to the event loop every few objects by default; a badge sheet has thousands. */
const save = (doc: PDFDocument) => doc.save({ objectsPerTick: Infinity });

/** One badge on a page of its own size. */
export async function renderBadge(mission: BadgeMission, holder: BadgeHolder, labels: BadgeLabels, title: string) {
  const { doc, fonts, template } = await newDocument(mission, labels, title);
  await drawBadge(doc, doc.addPage([BADGE_WIDTH, BADGE_HEIGHT]), template, holder, fonts, labels, 0, 0);
  return save(doc);
}

const COLUMNS = 2;
const ROWS = 2;
const GAP = 10 * MM;
const CROP_OFFSET = 2 * MM;
const CROP_LENGTH = 3 * MM;
const BADGES_PER_SHEET = COLUMNS * ROWS;

/** Short hairlines outside each corner, in the gaps, along the badge's edges: where to cut. */
function drawCropMarks(page: PDFPage, x: number, y: number) {
  const line = (x1: number, y1: number, x2: number, y2: number) => page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.25, color: rgb(0, 0, 0) });
  for (const cx of [x, x + BADGE_WIDTH]) {
    for (const cy of [y, y + BADGE_HEIGHT]) {
      const outX = cx === x ? -1 : 1;
      const outY = cy === y ? -1 : 1;
      line(cx + outX * CROP_OFFSET, cy, cx + outX * (CROP_OFFSET + CROP_LENGTH), cy);
      line(cx, cy + outY * CROP_OFFSET, cx, cy + outY * (CROP_OFFSET + CROP_LENGTH));
    }
  }
}

/** A mission's badges four to an A4 page, centred, with crop marks. */
export async function renderBadgeSheet(mission: BadgeMission, holders: BadgeHolder[], labels: BadgeLabels, title: string) {
  const { doc, fonts, template } = await newDocument(mission, labels, title);
  const left = (A4.width - COLUMNS * BADGE_WIDTH - (COLUMNS - 1) * GAP) / 2;
  const bottom = (A4.height - ROWS * BADGE_HEIGHT - (ROWS - 1) * GAP) / 2;
  let page: PDFPage | undefined;
  for (const [index, holder] of holders.entries()) {
    const slot = index % BADGES_PER_SHEET;
    if (slot === 0) page = doc.addPage([A4.width, A4.height]);
    const x = left + (slot % COLUMNS) * (BADGE_WIDTH + GAP);
    const y = bottom + (ROWS - 1 - Math.floor(slot / COLUMNS)) * (BADGE_HEIGHT + GAP);
    await drawBadge(doc, page!, template, holder, fonts, labels, x, y);
    drawCropMarks(page!, x, y);
  }
  if (!page) doc.addPage([A4.width, A4.height]);
  return save(doc);
}
