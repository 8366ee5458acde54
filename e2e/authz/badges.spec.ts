import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { accreditedBadge, claimsOf, nameOf, revokeThroughReview } from "../badges/helpers";

test("the badge photo is served only for a badge valid now: a revoked badge and a random id get 404", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { election, row, token } = await accreditedBadge(browser, page, "BA");
  const photoOf = `/api/badges/${claimsOf(token).jti as string}/photo`;
  const anyone = await browser.newContext();

  const valid = await anyone.request.get(photoOf);
  expect(valid.status()).toBe(200);
  expect(valid.headers()["content-type"]).toBe("image/jpeg");
  expect(valid.headers()["cache-control"]).toContain("no-store");

  await revokeThroughReview(page, election.title, row);
  expect((await anyone.request.get(photoOf)).status()).toBe(404);
  expect((await anyone.request.get(`/api/badges/${randomBytes(16).toString("base64url")}/photo`)).status()).toBe(404);
  expect((await anyone.request.get("/api/badges/not-a-badge-id/photo")).status()).toBe(404);
  await anyone.close();
});

test("a coordinator can neither open the correction page nor post the correction: the name and the badge stay", async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const { row, token } = await accreditedBadge(browser, page, "BK");
  // The reviewer's form, as a browser without JavaScript renders and posts it.
  const path = (await page.getByRole("link", { name: `Correct name or photo: ${nameOf(row)}` }).getAttribute("href"))!;
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const reviewer = await noScript.newPage();
  await signInAs(reviewer, "reviewer");
  await reviewer.goto(path);
  const form = reviewer.locator("form").filter({ has: reviewer.getByRole("button", { name: "Correct and re-issue the badge" }) });
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[type=hidden]").all()) fields[(await input.getAttribute("name"))!] = await input.inputValue();
  expect(Object.keys(fields).some((name) => name.startsWith("$ACTION"))).toBe(true);
  await noScript.close();

  const coordinator = await browser.newContext();
  const intruder = await coordinator.newPage();
  await signInAs(intruder, "coordinator");
  expect((await intruder.goto(path))?.status()).toBe(403);
  const response = await intruder.request.post(path, {
    multipart: { ...fields, surname: "Intruder", givenNames: "Someone", cyrillicName: "" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect([403, 404]).toContain(response.status());
  await coordinator.close();

  await page.goto(`/en/verify?t=${token}`);
  await expect(page.locator("#verdict-word")).toHaveText("VALID");
  await expect(page.locator("dl")).toContainText(nameOf(row));
});
