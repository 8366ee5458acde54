import { createCanvas } from "@napi-rs/canvas";
import jsQR from "jsqr";

/**
 * Reading a PDF the way a person does: the text of each page as a viewer extracts it, and the QR
 * codes as a phone sees them on the page rendered to pixels. For unit and end-to-end tests.
 */

// Imported when used: pdf.js is an ES module, and Playwright loads specs as CommonJS.
async function open(bytes: Uint8Array) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
}

export async function pdfPages(bytes: Uint8Array) {
  const doc = await open(bytes);
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const text = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push({ width, height, text });
  }
  await doc.destroy();
  return pages;
}

/** The content of the QR code inside `region` (fractions of the page, from its top-left) of page `pageNumber`, rendered at `dpi`. */
export async function readQrCode(bytes: Uint8Array, pageNumber = 1, region = { left: 0, top: 0, width: 1, height: 1 }, dpi = 200) {
  const doc = await open(bytes);
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js draws on any 2D context shaped like the browser's; @napi-rs/canvas's is one.
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  await doc.destroy();
  const [x, y, w, h] = [region.left * canvas.width, region.top * canvas.height, region.width * canvas.width, region.height * canvas.height].map(Math.floor) as [number, number, number, number];
  const image = context.getImageData(x, y, w, h);
  return jsQR(image.data, image.width, image.height)?.data ?? null;
}
