import { expect, type Browser, type Page } from "@playwright/test";
import { newOpenElection, requestLetterPdf, submittedApplication, type TestElection } from "../accreditation/factories";
import { nameOf, openForReview } from "../badges/helpers";
import { expectNoAxeViolations, signInAs } from "../fixtures";

/** An election of its own with the demo coordinator's (OSCE/ODIHR) application approved by a reviewer through the real pages. */
export async function approvedMission(browser: Browser, label: string): Promise<{ election: TestElection; missionId: string }> {
  const election = await newOpenElection(browser, label);
  const { rows, missionId } = await submittedApplication(browser, election, { count: 1, prefix: `ST${Math.random().toString(36).slice(2, 6).toUpperCase()}` });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "reviewer");
  await openForReview(page, election.title);
  await page.getByLabel(`Select ${nameOf(rows[0]!)}`).check();
  await page.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("1 observer was accredited.");
  await page.getByRole("button", { name: "Approve the application" }).click();
  await expect(page.getByRole("status")).toHaveText("The application was approved.");
  await context.close();
  return { election, missionId };
}

export type Draft = {
  title: string;
  body: string;
  kind?: string;
  ru?: { title: string; body: string };
  /** Ashgabat wall-clock "yyyy-mm-ddThh:mm". */
  embargoAt?: string;
  attachment?: boolean;
};

/** The coordinator (signed in on `page`) drafts a statement in English; returns the statement's id. */
export async function draftStatement(page: Page, election: TestElection, draft: Draft) {
  await page.goto("/en/portal/statements/new");
  await page.getByLabel("Mission").selectOption({ label: `OSCE/ODIHR Election Assessment Mission · ${election.title}` });
  await page.getByLabel("Kind of statement").selectOption({ label: draft.kind ?? "Preliminary statement" });
  await page.getByLabel("Original language").selectOption({ label: "English" });
  await page.getByLabel("Title", { exact: true }).fill(draft.title);
  await page.getByLabel("Text", { exact: true }).fill(draft.body);
  if (draft.ru) {
    await page.getByLabel("Title in Russian").fill(draft.ru.title);
    await page.getByLabel("Text in Russian").fill(draft.ru.body);
  }
  if (draft.embargoAt) await page.getByLabel("Embargo (not published before)").fill(draft.embargoAt);
  if (draft.attachment) await page.getByLabel("PDF attachments").setInputFiles({ name: "annex.pdf", mimeType: "application/pdf", buffer: requestLetterPdf() });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("The statement was saved.");
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

/** On the coordinator's statement page: submits the latest version to the commission. */
export async function submitStatement(page: Page, statementId: string) {
  await page.goto(`/en/portal/statements/${statementId}`);
  await page.getByRole("button", { name: "Submit for publication" }).click();
  await expect(page.getByRole("status")).toHaveText("The statement was submitted to the Commission.");
}

/** A reviewer opens the submitted statement from the queue and presses one of the decision buttons. */
export async function decideAsReviewer(browser: Browser, title: string, button: "Publish now" | "Publish at the embargo time", expected: string, options: { axe?: boolean } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "reviewer");
  await page.goto("/en/commission/statements");
  if (options.axe) await expectNoAxeViolations(page);
  await page.getByRole("table", { name: "Waiting for a decision" }).getByRole("link", { name: title }).click();
  if (options.axe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("status")).toHaveText(expected);
  await context.close();
}

/** Moves the server's publishing clock (TEST_CLOCK=on) this far ahead of the real one. */
export async function setClockOffset(page: Page, offsetMs: number) {
  const response = await page.request.post("/api/test-clock", { data: { offsetMs } });
  expect(response.status()).toBe(200);
}

/** Ashgabat wall-clock "yyyy-mm-ddThh:mm" of an instant. */
export const ashgabatWallClock = (instant: Date) => new Date(instant.getTime() + 5 * 3600_000).toISOString().slice(0, 16);
