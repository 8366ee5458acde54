import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { accreditedBadge, nameOf, openForReview } from "../badges/helpers";
import { signInAs, signInWithPassword } from "../fixtures";

/**
 * Badge PDFs: one badge for the coordinators of the observer's organization and for staff, a
 * mission's sheet for staff only. Another organization's coordinator learns nothing (404, as for
 * an id that does not exist); the signed-out get 401; refusals have no body and no file name.
 */
test("a badge PDF is refused to another organization's coordinator, the mission's sheet to every coordinator, both to the signed-out", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const { election, row, missionId } = await accreditedBadge(browser, page, "BZ");
  await openForReview(page, election.title);
  const badgeUrl = (await page.getByRole("link", { name: `Badge (PDF): ${nameOf(row)}` }).getAttribute("href"))!;
  const sheetUrl = `/api/applications/${missionId}/badges`;
  expect((await page.request.get(badgeUrl)).status()).toBe(200);
  expect((await page.request.get(`/api/observers/${randomUUID()}/badge`)).status()).toBe(404);

  const expectRefused = async (response: Awaited<ReturnType<typeof page.request.get>>, status: number) => {
    expect(response.status()).toBe(status);
    expect(response.headers()["content-disposition"]).toBeUndefined();
    expect(await response.text()).toBe("");
  };

  const own = await (await browser.newContext()).newPage();
  await signInAs(own, "coordinator");
  const ownBadge = await own.request.get(badgeUrl);
  expect(ownBadge.status()).toBe(200);
  expect(ownBadge.headers()["content-type"]).toBe("application/pdf");
  expect(ownBadge.headers()["cache-control"]).toBe("private, no-store");
  expect(ownBadge.headers()["content-disposition"]).toMatch(/^attachment;/);
  await expectRefused(await own.request.get(sheetUrl), 403);

  const other = await (await browser.newContext()).newPage();
  await signInWithPassword(other, "coordinator.cis@portal.example");
  await expect(other).toHaveURL(/\/en\/portal$/);
  await expectRefused(await other.request.get(badgeUrl), 404);
  await expectRefused(await other.request.get(sheetUrl), 403);

  const anonymous = await browser.newContext();
  await expectRefused(await anonymous.request.get(badgeUrl), 401);
  await expectRefused(await anonymous.request.get(sheetUrl), 401);
  await Promise.all([own.context().close(), other.context().close(), anonymous.close()]);
});
