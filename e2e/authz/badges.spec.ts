import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { accreditedBadge, claimsOf, revokeThroughReview } from "../badges/helpers";

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
