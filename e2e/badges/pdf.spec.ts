import { expect, test, type Download, type Page } from "@playwright/test";
import { pdfPages, readQrCode } from "../../test/pdf-reading";
import { expectNoAxeViolations, signInAs } from "../fixtures";
import { accreditedBadge, nameOf, openForReview, revokeThroughReview } from "./helpers";

const verdict = (page: Page) => page.locator("#verdict-word");

async function bytesOf(download: Download) {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

test("the coordinator downloads a badge PDF whose QR code opens VALID, and REVOKED once the accreditation is revoked; staff print the mission's A4 sheet", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { election, row, missionId, token } = await accreditedBadge(browser, page, "BP");
  const number = `${election.code}-0001`;

  // The coordinator, from the observers list.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInAs(coordinator, "coordinator");
  await coordinator.goto(`/en/portal/applications/${missionId}/observers`);
  const link = coordinator.getByRole("link", { name: `Download badge (PDF) ${nameOf(row)}` });
  await expectNoAxeViolations(coordinator);
  const [download] = await Promise.all([coordinator.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`badge-${number}.pdf`);
  const badge = await bytesOf(download);
  const [page1, ...others] = await pdfPages(badge);
  expect(others).toHaveLength(0);
  for (const text of [number, row.surname, "HALKARA SYNÇY", "INTERNATIONAL OBSERVER", "Missiýanyň ýolbaşçysy", "Глава миссии", "Head of mission", "OSCE/ODIHR"]) expect(page1!.text).toContain(text);

  // A phone reads the printed code and opens it: the verification page, in Turkmen, says VALID.
  const scanned = new URL((await readQrCode(badge))!);
  expect(scanned.pathname).toBe("/tk/verify");
  expect(scanned.searchParams.get("t")).toBe(token);
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(scanned.pathname + scanned.search);
  await expect(verdict(phone)).toHaveText("GÜÝJÜNDE");

  // Staff print the whole mission from the review page: A4, the same code.
  await openForReview(page, election.title);
  await expect(page.getByRole("link", { name: `Badge (PDF): ${nameOf(row)}` })).toBeVisible();
  const [sheetDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Print all badges (A4 PDF)" }).click()]);
  expect(sheetDownload.suggestedFilename()).toBe(`badges-OSCE-ODIHR-${election.code}.pdf`);
  const sheet = await bytesOf(sheetDownload);
  const [a4] = await pdfPages(sheet);
  expect([Math.round(a4!.width), Math.round(a4!.height)]).toEqual([595, 842]);
  expect(await readQrCode(sheet, 1, { left: 0, top: 0, width: 0.5, height: 0.5 })).toBe(scanned.toString());

  // Revoked: the same printed code now says REVOKED, and the badge is no longer offered or served.
  await revokeThroughReview(page, election.title, row);
  // Both downloads are in the application's history (personal data left the system).
  await expect(page.locator(".history")).toContainText("Badge downloaded (PDF)");
  await expect(page.locator(".history")).toContainText("Badges printed (A4 PDF)");
  await phone.goto(scanned.pathname + scanned.search);
  await expect(verdict(phone)).toHaveText("ÝATYRYLDY");
  await coordinator.goto(`/en/portal/applications/${missionId}/observers`);
  await expect(coordinator.getByRole("link", { name: /Download badge/ })).toHaveCount(0);
  await coordinatorContext.close();
  await phone.context().close();
});
