import { expect, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";
import { newOpenElection, submittedApplication, type ObserverRow } from "../accreditation/factories";

export const nameOf = (row: ObserverRow) => `${row.surname}, ${row.givenNames}`;

export async function openForReview(page: Page, electionTitle: string) {
  await page.goto("/en/commission/applications");
  await page.getByRole("link", { name: `OSCE/ODIHR — ${electionTitle}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("OSCE/ODIHR: OSCE/ODIHR Election Assessment Mission");
}

/** The claims of a compact JWS, read without checking anything (the test's own view of the token). */
export const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;

/**
 * An observer accredited by a reviewer through the review page, for an election observed from
 * yesterday on (so the badge is valid today); returns the token behind the badge's QR code, read
 * from the verification link the review page shows.
 */
export async function accreditedBadge(browser: Browser, page: Page, prefix: string) {
  const election = await newOpenElection(browser, "Badge by-election", { observationStartsInDays: -1 });
  const { rows, missionId } = await submittedApplication(browser, election, { count: 1, prefix });
  const row = rows[0]!;
  await signInAs(page, "reviewer");
  await openForReview(page, election.title);
  await page.getByLabel(`Select ${nameOf(row)}`).check();
  await page.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("1 observer was accredited.");
  const href = await page.getByRole("link", { name: `Verification link: ${nameOf(row)}` }).getAttribute("href");
  const url = new URL(href!, "http://portal.invalid");
  expect(url.pathname).toBe("/en/verify");
  return { election, row, missionId, token: url.searchParams.get("t")! };
}

/** Revokes the observer's accreditation through the review page's "Refuse or revoke". */
export async function revokeThroughReview(page: Page, electionTitle: string, row: ObserverRow) {
  await openForReview(page, electionTitle);
  await revokeOnReviewPage(page, row);
}

/** On the application's review page already open (an approved one is no longer in the waiting queue). */
export async function revokeOnReviewPage(page: Page, row: ObserverRow) {
  await page.getByLabel(`Select ${nameOf(row)}`).check();
  await page.getByLabel("Reason", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Explanation for the mission").fill("Campaigned for a candidate at a polling station.");
  await page.getByRole("button", { name: "Revoke the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("The accreditation of 1 observer was revoked.");
}
