import { execFileSync } from "node:child_process";
import { createPublicKey, generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyIdOf, parseRetiredKeys, parseSigningKey, publicKeySet, signingKeyFromSeed } from "./key-material";
import { badgeSubject } from "@/test/badge-subject";
import { withUnusedBitSet } from "@/test/base64url-spelling";
import { badgeClaimsFor, observationWindow, signBadgeToken, verifyBadgeToken } from "./token";
import { windowStatus } from "./window";

const subject = badgeSubject({ photoSha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" });
const issuedAt = new Date("2027-02-10T08:00:00Z");
const claims = badgeClaimsFor(subject, issuedAt);
const newKey = () => signingKeyFromSeed(randomBytes(32));

/** One character of the token replaced by another base64url character. */
function changeOneCharacter(token: string, index: number) {
  const c = token[index]!;
  return token.slice(0, index) + (c === "A" ? "B" : "A") + token.slice(index + 1);
}

describe("badge tokens", () => {
  it("verify with the key that signed them and carry the claims", async () => {
    const key = newKey();
    const token = await signBadgeToken(claims, key);
    expect(token.split(".")).toHaveLength(3);
    const check = await verifyBadgeToken(token, publicKeySet(key, []));
    expect(check).toEqual({ ok: true, claims, kid: key.kid });
  });

  it("stay short enough for a QR code", async () => {
    const token = await signBadgeToken(claims, newKey());
    expect(token.length).toBeLessThan(600);
  });

  it("never hold the passport number or the date of birth, whatever the row holds", async () => {
    const row = { ...subject, passportNumber: "PA1234567", dateOfBirth: "1980-05-17", nationality: "SE" };
    const token = await signBadgeToken(badgeClaimsFor(row, issuedAt), newKey());
    const payload = Buffer.from(token.split(".")[1]!, "base64url").toString("utf8");
    expect(payload).not.toContain("PA1234567");
    expect(payload).not.toContain("1980-05-17");
    expect(Object.keys(JSON.parse(payload)).sort()).toEqual(["cn", "e", "et", "exp", "gn", "iat", "jti", "n", "nbf", "org", "ph", "r", "sn"]);
    expect(JSON.parse(payload).ph).toBe("0123456789abcdef");
  });

  it("are not genuine with one character changed anywhere", async () => {
    const key = newKey();
    const token = await signBadgeToken(claims, key);
    const keySet = publicKeySet(key, []);
    const [header, payload] = token.split(".");
    for (const index of [3, header!.length + 5, header!.length + payload!.length + 10, token.length - 2]) {
      expect(await verifyBadgeToken(changeOneCharacter(token, index), keySet)).toEqual({ ok: false });
    }
  });

  it("are not genuine spelled otherwise: the signature's last character changed only in its unused bits", async () => {
    const key = newKey();
    const token = await signBadgeToken(claims, key);
    const respelled = withUnusedBitSet(token);
    const signatureOf = (jws: string) => Buffer.from(jws.split(".")[2]!, "base64url");
    expect(respelled).not.toBe(token);
    expect(signatureOf(respelled).equals(signatureOf(token))).toBe(true);
    expect(await verifyBadgeToken(respelled, publicKeySet(key, []))).toEqual({ ok: false });
    expect(await verifyBadgeToken(token, publicKeySet(key, []))).toMatchObject({ ok: true });
  });

  it("are not genuine when signed by a key that is not published (unknown kid, or a known kid with another key)", async () => {
    const published = newKey();
    const stranger = newKey();
    expect(await verifyBadgeToken(await signBadgeToken(claims, stranger), publicKeySet(published, []))).toEqual({ ok: false });
    const impostor = signingKeyFromSeed(randomBytes(32), published.kid);
    expect(await verifyBadgeToken(await signBadgeToken(claims, impostor), publicKeySet(published, []))).toEqual({ ok: false });
  });

  it("refuse garbage, empty and oversized input", async () => {
    const keySet = publicKeySet(newKey(), []);
    for (const input of ["", "abc", "a.b.c", "x".repeat(5000), "eyJhbGciOiJub25lIn0.eyJqdGkiOiJ4In0."]) {
      expect(await verifyBadgeToken(input, keySet)).toEqual({ ok: false });
    }
  });
});

describe("key rotation", () => {
  it("keeps badges signed with a retired key verifiable, and signs new ones with the new key", async () => {
    const old = newKey();
    const oldToken = await signBadgeToken(claims, old);
    const current = newKey();
    const retired = parseRetiredKeys(JSON.stringify([old.publicJwk]));
    const keySet = publicKeySet(current, retired);
    expect(keySet.keys.map((k) => k.kid)).toEqual([current.kid, old.kid]);
    expect(await verifyBadgeToken(oldToken, keySet)).toMatchObject({ ok: true, kid: old.kid });
    expect(await verifyBadgeToken(await signBadgeToken(claims, current), keySet)).toMatchObject({ ok: true, kid: current.kid });
    // Once the retired key is no longer published, its badges stop verifying.
    expect(await verifyBadgeToken(oldToken, publicKeySet(current, []))).toEqual({ ok: false });
  });

  it("publishes public parts only", () => {
    const keySet = publicKeySet(newKey(), []);
    expect(Object.keys(keySet.keys[0]!).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
    expect(keySet.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
  });

  it("reads a signing key from a PKCS#8 PEM or a JWK, with its kid given or derived", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    const jwk = privateKey.export({ format: "jwk" });
    const fromPem = parseSigningKey(pem);
    expect(fromPem.kid).toBe(keyIdOf(jwk.x!));
    expect(parseSigningKey(pem.replace(/\n/g, "\\n"), "2027-a").kid).toBe("2027-a");
    expect(parseSigningKey(JSON.stringify({ ...jwk, kid: "k2" })).kid).toBe("k2");
    expect(parseSigningKey(JSON.stringify(jwk)).publicJwk.x).toBe(jwk.x);
    const { privateKey: rsa } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect(() => parseSigningKey(rsa.export({ type: "pkcs8", format: "pem" }) as string)).toThrow(/Ed25519/);
  });

  it("refuses retired keys without kid or with a private part only", () => {
    const key = newKey();
    expect(() => parseRetiredKeys(JSON.stringify([{ ...key.publicJwk, kid: undefined }]))).toThrow(/kid/);
    expect(() => parseRetiredKeys(JSON.stringify({ keys: [{ kty: "OKP", crv: "Ed25519", kid: "x" }] }))).toThrow(/public/);
    expect(parseRetiredKeys(JSON.stringify({ keys: [key.publicJwk] }))).toEqual([key.publicJwk]);
  });
});

describe("the observation window", () => {
  const window = observationWindow("2027-03-01", "2027-03-31");

  it("runs from the start of the first day to the end of the last, in Ashgabat (UTC+5)", () => {
    expect(new Date(window.nbf * 1000).toISOString()).toBe("2027-02-28T19:00:00.000Z");
    expect(new Date(window.exp * 1000).toISOString()).toBe("2027-03-31T19:00:00.000Z");
  });

  it.each([
    ["2027-02-28T18:59:59Z", "notYetValid"],
    ["2027-02-28T19:00:00Z", "valid"],
    ["2027-03-15T12:00:00Z", "valid"],
    ["2027-03-31T18:59:59Z", "valid"],
    ["2027-03-31T19:00:00Z", "expired"],
    ["2028-01-01T00:00:00Z", "expired"],
  ])("at %s the badge is %s", (now, expected) => {
    expect(windowStatus(window, new Date(now))).toBe(expected);
  });
});

describe("an independent check of the standard", () => {
  it("verifies a token with Node's own Ed25519 over base64url(header).base64url(payload), without jose", async () => {
    const key = newKey();
    const token = await signBadgeToken(claims, key);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ alg: "EdDSA", kid: key.kid });
    const publicKey = createPublicKey({ key: key.publicJwk, format: "jwk" });
    expect(verify(null, Buffer.from(`${header}.${payload}`, "ascii"), publicKey, Buffer.from(signature, "base64url"))).toBe(true);
    expect(verify(null, Buffer.from(`${header}.${payload}x`, "ascii"), publicKey, Buffer.from(signature, "base64url"))).toBe(false);
  });

  it("verifies a token with the openssl command line", async (context) => {
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" });
    } catch {
      context.skip();
    }
    const key = newKey();
    const token = await signBadgeToken(claims, key);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const dir = mkdtempSync(join(tmpdir(), "badge-openssl-"));
    try {
      writeFileSync(join(dir, "key.pem"), createPublicKey({ key: key.publicJwk, format: "jwk" }).export({ type: "spki", format: "pem" }));
      writeFileSync(join(dir, "data"), `${header}.${payload}`);
      writeFileSync(join(dir, "sig"), Buffer.from(signature, "base64url"));
      const args = ["pkeyutl", "-verify", "-pubin", "-inkey", join(dir, "key.pem"), "-rawin", "-in", join(dir, "data"), "-sigfile", join(dir, "sig")];
      expect(execFileSync("openssl", args, { encoding: "utf8" })).toMatch(/Signature Verified Successfully/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
