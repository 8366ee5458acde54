import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publicKeySet, signingKeyFromSeed } from "./key-material";
import { checkBadgeOffline, verifyOfflineList } from "./offline-check";
import { signRevocationList } from "./revocation-list";
import { badgeSubject } from "@/test/badge-subject";
import { withUnusedBitSet } from "@/test/base64url-spelling";
import { badgeClaimsFor, signBadgeToken } from "./token";

/** The phone's check, run here on Node's WebCrypto (the same API as the browser's) against tokens signed by the server's code. */

const subject = badgeSubject({
  surname: "Öwezowa",
  givenNames: "Aýna",
  cyrillicName: "Овезова Айна",
  organizationAcronym: "CIS",
  role: "short_term_observer",
});
const during = new Date("2027-03-15T08:00:00Z");
const key = signingKeyFromSeed(randomBytes(32));
const keySet = publicKeySet(key, []);
const token = () => signBadgeToken(badgeClaimsFor(subject, new Date("2027-02-10T08:00:00Z")), key);
const list = (revoked: string[], iat = 1_900_000_000) => signRevocationList({ iat, revoked }, key);

describe("the offline check on the device", () => {
  it("is VALID in the window with a list that does not name the badge, and carries the list's issue time", async () => {
    const verdict = await checkBadgeOffline(await token(), keySet, await list([]), during);
    expect(verdict).toMatchObject({ status: "valid", claims: { jti: subject.badgeId, sn: "Öwezowa", cn: "Овезова Айна", org: "CIS" }, list: { iat: 1_900_000_000 } });
  });

  it("is REVOKED when the cached list names the badge", async () => {
    expect(await checkBadgeOffline(await token(), keySet, await list([subject.badgeId]), during)).toMatchObject({ status: "revoked" });
  });

  it("is NOT YET VALID before the window and EXPIRED after it, by the device's clock", async () => {
    expect(await checkBadgeOffline(await token(), keySet, null, new Date("2027-02-28T18:00:00Z"))).toMatchObject({ status: "notYetValid", list: null });
    expect(await checkBadgeOffline(await token(), keySet, null, new Date("2027-03-31T19:00:00Z"))).toMatchObject({ status: "expired" });
  });

  it("is NOT GENUINE with one character changed anywhere, with an unknown key id, or for the list itself", async () => {
    const good = await token();
    for (const index of [5, good.indexOf(".") + 12, good.length - 3]) {
      const changed = good.slice(0, index) + (good[index] === "A" ? "B" : "A") + good.slice(index + 1);
      expect(await checkBadgeOffline(changed, keySet, null, during)).toEqual({ status: "notGenuine" });
    }
    expect(await checkBadgeOffline(good, publicKeySet(signingKeyFromSeed(randomBytes(32)), []), null, during)).toEqual({ status: "notGenuine" });
    expect(await checkBadgeOffline(await list([]), keySet, null, during)).toEqual({ status: "notGenuine" });
    expect(await checkBadgeOffline("not.a.token", keySet, null, during)).toEqual({ status: "notGenuine" });
  });

  it("is NOT GENUINE spelled otherwise: the same signature bytes with the last character's unused bits set", async () => {
    const good = await token();
    expect(await checkBadgeOffline(good, keySet, null, during)).toMatchObject({ status: "valid" });
    expect(await checkBadgeOffline(withUnusedBitSet(good), keySet, null, during)).toEqual({ status: "notGenuine" });
  });

  it("ignores a list whose signature fails: the badge is not called revoked, and no list age is shown", async () => {
    const [header, , signature] = (await list([subject.badgeId])).split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify({ iat: 1_900_000_000, revoked: [] })).toString("base64url")}.${signature}`;
    expect(await verifyOfflineList(forged, keySet)).toBeNull();
    expect(await checkBadgeOffline(await token(), keySet, forged, during)).toMatchObject({ status: "valid", list: null });
    expect(await verifyOfflineList(await token(), keySet)).toBeNull();
  });
});
