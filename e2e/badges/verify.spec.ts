import { createPublicKey, verify } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectNoAxeViolations } from "../fixtures";
import { withUnusedBitSet } from "../../test/base64url-spelling";
import { accreditedBadge, claimsOf, revokeThroughReview } from "./helpers";

/** Anyone with a phone: a fresh context, never signed in. */
async function visitor(page: Page) {
  return (await page.context().browser()!.newContext()).newPage();
}

const verdict = (page: Page) => page.locator("#verdict-word");

test("a badge verifies as VALID, stops the moment it is revoked, and a changed token is NOT GENUINE, in every language", async ({ page }) => {
  test.setTimeout(150_000);
  const { election, row, token } = await accreditedBadge(page.context().browser()!, page, "BV");
  const number = `${election.code}-0001`;
  const phone = await visitor(page);
  await phone.setViewportSize({ width: 390, height: 844 });

  // Scanned: VALID, with the photo, names, organization, role, election and number; never cached.
  const response = await phone.goto(`/en/verify?t=${token}`);
  expect(response!.headers()["cache-control"]).toContain("no-store");
  expect(response!.headers()["content-security-policy"]).toMatch(/'nonce-/);
  await expect(verdict(phone)).toHaveText("VALID");
  await expect(phone.getByRole("status")).toContainText("it has not been revoked, and it is valid now");
  const photo = phone.getByRole("img", { name: `Photo of ${row.givenNames} ${row.surname}` });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const details = phone.locator("dl");
  await expect(details).toContainText(`${row.surname}, ${row.givenNames}`);
  await expect(details).toContainText("OSCE/ODIHR");
  await expect(details).toContainText("Head of mission");
  await expect(details).toContainText(election.title);
  await expect(details).toContainText(number);
  await expectNoAxeViolations(phone);

  await phone.goto(`/tk/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("GÜÝJÜNDE");
  await expect(phone.locator("dl")).toContainText("Missiýanyň ýolbaşçysy");
  await expectNoAxeViolations(phone);
  await phone.goto(`/ru/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("ДЕЙСТВИТЕЛЕН");
  await expectNoAxeViolations(phone);

  // By number and surname (any case), when the code cannot be scanned; a wrong pair reveals nothing.
  await phone.goto("/en/verify");
  await expectNoAxeViolations(phone);
  await phone.getByLabel("Accreditation number", { exact: true }).fill(number.toLowerCase());
  await phone.getByLabel("Surname").fill(row.surname.toUpperCase());
  await phone.getByRole("button", { name: "Check the badge" }).click();
  await expect(verdict(phone)).toHaveText("VALID");
  await phone.getByLabel("Surname").fill("Somebody");
  await phone.getByRole("button", { name: "Check the badge" }).click();
  await expect(verdict(phone)).toHaveText("NOT FOUND");
  await expect(phone.locator("dl")).toHaveCount(0);
  await phone.getByLabel("Surname").fill("");
  await phone.getByRole("button", { name: "Check the badge" }).click();
  // The summary takes focus and names the field; the title says there is an error.
  await expect(errorSummary(phone)).toBeFocused();
  await expect(errorSummary(phone).getByRole("link")).toHaveText(["Surname: Enter the surname."]);
  await expect(phone).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(phone);

  // One changed character anywhere: NOT GENUINE, and nothing about anyone.
  const index = token.indexOf(".") + 12;
  const changed = token.slice(0, index) + (token[index] === "A" ? "B" : "A") + token.slice(index + 1);
  await phone.goto(`/en/verify?t=${changed}`);
  await expect(verdict(phone)).toHaveText("NOT GENUINE");
  await expect(phone.locator("dl")).toHaveCount(0);
  await expectNoAxeViolations(phone);
  await phone.goto(`/ru/verify?t=${changed}`);
  await expect(verdict(phone)).toHaveText("НЕ ПОДЛИННЫЙ");
  // The same signature spelled otherwise (its last character's unused bits set) is not the token the commission signed.
  await phone.goto(`/en/verify?t=${withUnusedBitSet(token)}`);
  await expect(verdict(phone)).toHaveText("NOT GENUINE");

  // Revoked through the review page: the same link shows REVOKED at once, without the photo.
  await revokeThroughReview(page, election.title, row);
  await expect(page.getByRole("link", { name: /^Verification link/ })).toHaveCount(0);
  await phone.goto(`/en/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("REVOKED");
  await expect(phone.getByRole("img", { name: /^Photo of/ })).toHaveCount(0);
  await expectNoAxeViolations(phone);
  await phone.goto(`/tk/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("ÝATYRYLDY");
  await phone.goto(`/ru/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("ОТОЗВАН");

  // The signed list of revoked ids names it, and verifies with the published key (checked here without jose).
  const jwks = (await (await phone.request.get("/.well-known/jwks.json")).json()) as { keys: { kid: string }[] };
  const kid = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()).kid as string;
  const key = jwks.keys.find((k) => k.kid === kid);
  expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
  const list = await (await phone.request.get("/api/badges/revoked")).text();
  const [header, payload, signature] = list.split(".") as [string, string, string];
  expect(verify(null, Buffer.from(`${header}.${payload}`), createPublicKey({ key: key as never, format: "jwk" }), Buffer.from(signature, "base64url"))).toBe(true);
  expect((JSON.parse(Buffer.from(payload, "base64url").toString()) as { revoked: string[] }).revoked).toContain(claimsOf(token).jti);
  await phone.context().close();
});

test("the language switcher keeps the scanned token: the same verdict in English", async ({ page }) => {
  test.setTimeout(120_000);
  const { row, token } = await accreditedBadge(page.context().browser()!, page, "BL");
  const phone = await visitor(page);
  await phone.goto(`/tk/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("GÜÝJÜNDE");
  await phone.getByRole("navigation", { name: "Dil" }).getByRole("link", { name: "English" }).click();
  await expect(phone).toHaveURL(`/en/verify?t=${token}`);
  await expect(verdict(phone)).toHaveText("VALID");
  await expect(phone.locator("dl")).toContainText(`${row.surname}, ${row.givenNames}`);
  await phone.context().close();
});
