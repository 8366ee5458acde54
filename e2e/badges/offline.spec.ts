import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures";
import { withUnusedBitSet } from "../../test/base64url-spelling";
import { accreditedBadge, claimsOf, revokeThroughReview } from "./helpers";

const verdict = (page: Page) => page.locator("#verdict-word");
const DAY = 24 * 60 * 60 * 1000;

/** A phone that has opened the verification page once with a connection, then lost it. */
async function phoneGoneOffline(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await phone.goto("/en/verify");
  await expect(phone.getByText("This device can now check badges without a connection.")).toBeVisible();
  await context.setOffline(true);
  return phone;
}

test("with the network cut, the phone checks badges itself: VALID with the list's age, REVOKED from the kept list, NOT GENUINE when changed, EXPIRED and NOT YET VALID by its clock", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const valid = await accreditedBadge(browser, page, "BO");
  const revoked = await accreditedBadge(browser, page, "BX");
  await revokeThroughReview(page, revoked.election.title, revoked.row);

  const phone = await phoneGoneOffline(browser);
  await phone.goto(`/en/verify?t=${valid.token}`);
  await expect(verdict(phone)).toHaveText("VALID");
  await expect(phone.getByText("Checked offline on this device: the commission's server could not be reached.")).toBeVisible();
  await expect(phone.getByText(/^List of revoked badges from (this minute|\d+ minutes? ago)\.$/)).toBeVisible();
  await expect(phone.getByText("The photo is shown only online")).toBeVisible();
  await expect(phone.getByRole("img", { name: /^Photo of/ })).toHaveCount(0);
  const details = phone.locator("dl");
  await expect(details).toContainText(`${valid.row.surname}, ${valid.row.givenNames}`);
  await expect(details).toContainText("OSCE/ODIHR");
  await expect(details).toContainText("Head of mission");
  await expect(details).toContainText(valid.election.title);
  await expect(details).toContainText(`${valid.election.code}-0001`);
  await expectNoAxeViolations(phone);

  // Revoked before the phone went offline: the signed list it kept names the badge.
  await phone.goto(`/en/verify?t=${revoked.token}`);
  await expect(verdict(phone)).toHaveText("REVOKED");
  await expect(phone.getByText("Checked offline on this device", { exact: false })).toBeVisible();

  const index = valid.token.indexOf(".") + 12;
  const changed = valid.token.slice(0, index) + (valid.token[index] === "A" ? "B" : "A") + valid.token.slice(index + 1);
  await phone.goto(`/en/verify?t=${changed}`);
  await expect(verdict(phone)).toHaveText("NOT GENUINE");
  await expect(phone.locator("dl")).toHaveCount(0);
  await expectNoAxeViolations(phone);
  await phone.goto(`/en/verify?t=${withUnusedBitSet(valid.token)}`);
  await expect(verdict(phone)).toHaveText("NOT GENUINE");

  // The check by number needs the server, and says so.
  await phone.goto(`/en/verify?number=${valid.election.code}-0001&surname=${valid.row.surname}`);
  await expect(phone.getByText("The check by accreditation number needs a connection", { exact: false })).toBeVisible();

  // The device's clock decides the window offline: two months on the badge has ended, a week ago it had not begun.
  for (const [days, word] of [
    [60, "EXPIRED"],
    [-7, "NOT YET VALID"],
  ] as const) {
    const later = await phone.context().newPage();
    await later.clock.install({ time: new Date(Date.now() + days * DAY) });
    await later.goto(`/en/verify?t=${valid.token}`);
    await expect(verdict(later)).toHaveText(word);
    await later.close();
  }

  // Back online, the server's verdict is shown again, not the device's.
  await phone.context().setOffline(false);
  await phone.goto(`/en/verify?t=${valid.token}`);
  await expect(verdict(phone)).toHaveText("VALID");
  await expect(phone.getByText("Checked offline on this device", { exact: false })).toHaveCount(0);
  await expect(phone.getByRole("img", { name: `Photo of ${valid.row.givenNames} ${valid.row.surname}` })).toBeVisible();
  await phone.context().close();
});

test("prepared in English, the phone checks offline the Turkmen page a QR code opens, and the Russian one, each in its language", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { token } = await accreditedBadge(browser, page, "BT");
  const phone = await phoneGoneOffline(browser);
  for (const [locale, word, note] of [
    ["tk", "GÜÝJÜNDE", "Bu enjamda birikmesiz barlandy"],
    ["ru", "ДЕЙСТВИТЕЛЕН", "Проверено без сети на этом устройстве"],
  ] as const) {
    await phone.goto(`/${locale}/verify?t=${token}`);
    await expect(verdict(phone)).toHaveText(word);
    await expect(phone.getByText(note, { exact: false })).toBeVisible();
  }
  // Chromium has no Turkmen dates of its own: the page writes them as the server (Node) does.
  await phone.goto(`/tk/verify?t=${token}`);
  await expect(phone.getByText(/^Ýatyrylan nyşanlaryň sanawy: (şu minut|\d+ minut öň)\.$/)).toBeVisible();
  const { nbf, exp } = claimsOf(token) as { nbf: number; exp: number };
  const day = new Intl.DateTimeFormat("tk", { dateStyle: "long", timeZone: "Asia/Ashgabat" });
  await expect(phone.locator("dl")).toContainText(`Hereket möhleti${day.format(nbf * 1000)} — ${day.format((exp - 1) * 1000)}`);
  await phone.context().close();
});
