import { createPublicKey, randomBytes, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publicKeySet, signingKeyFromSeed } from "./key-material";
import { REVOCATION_LIST_TYPE, verifyOfflineList } from "./offline-check";
import { signRevocationList } from "./revocation-list";
import { verifyBadgeToken } from "./token";

/** The server signs the list; the phone verifies it with the check it runs offline. */

const ids = () => [randomBytes(16).toString("base64url"), randomBytes(16).toString("base64url")];

describe("the signed revocation list", () => {
  it("verifies with the published key and carries its issue time and the ids", async () => {
    const key = signingKeyFromSeed(randomBytes(32));
    const list = { iat: 1_800_000_000, revoked: ids() };
    const jws = await signRevocationList(list, key);
    expect(await verifyOfflineList(jws, publicKeySet(key, []))).toEqual(list);
    const [header, payload, signature] = jws.split(".") as [string, string, string];
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ alg: "EdDSA", kid: key.kid, typ: REVOCATION_LIST_TYPE });
    // And by Node's own Ed25519, apart from the code under test.
    expect(verify(null, Buffer.from(`${header}.${payload}`), createPublicKey({ key: key.publicJwk, format: "jwk" }), Buffer.from(signature, "base64url"))).toBe(true);
  });

  it("is refused when changed, or signed by another key", async () => {
    const key = signingKeyFromSeed(randomBytes(32));
    const jws = await signRevocationList({ iat: 1_800_000_000, revoked: ids() }, key);
    const [header, payload, signature] = jws.split(".") as [string, string, string];
    const shorter = Buffer.from(JSON.stringify({ iat: 1_800_000_000, revoked: [] })).toString("base64url");
    expect(await verifyOfflineList(`${header}.${shorter}.${signature}`, publicKeySet(key, []))).toBeNull();
    // Flip one bit of the signature's bytes: replacing its last characters could leave the bytes unchanged.
    const forged = Buffer.from(signature, "base64url");
    forged[0] = forged[0]! ^ 1;
    expect(await verifyOfflineList(`${header}.${payload}.${forged.toString("base64url")}`, publicKeySet(key, []))).toBeNull();
    expect(await verifyOfflineList(jws, publicKeySet(signingKeyFromSeed(randomBytes(32)), []))).toBeNull();
  });

  it("never passes for a badge", async () => {
    const key = signingKeyFromSeed(randomBytes(32));
    const jws = await signRevocationList({ iat: 1_800_000_000, revoked: ids() }, key);
    expect(await verifyBadgeToken(jws, publicKeySet(key, []))).toEqual({ ok: false });
  });
});
