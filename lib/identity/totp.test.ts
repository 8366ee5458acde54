import { describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { acceptTotp, currentStep, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from "./totp";

const secret = "CNVQVQKKMLCP3TCL2BXIQJYCMRUPAE7I";
const now = Date.UTC(2026, 10, 22, 12, 0, 10);
const codeAt = (timestamp: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp });

describe("TOTP", () => {
  it("accepts the current code and one step of drift either way, and says which step it used", () => {
    expect(acceptTotp(secret, codeAt(now), null, now)).toBe(currentStep(now));
    expect(acceptTotp(secret, codeAt(now - 30_000), null, now)).toBe(currentStep(now) - 1);
    expect(acceptTotp(secret, codeAt(now + 30_000), null, now)).toBe(currentStep(now) + 1);
  });

  it("refuses codes further away, malformed codes and another secret's codes", () => {
    expect(acceptTotp(secret, codeAt(now - 90_000), null, now)).toBeNull();
    expect(acceptTotp(secret, "12345", null, now)).toBeNull();
    expect(acceptTotp(secret, "abcdef", null, now)).toBeNull();
    expect(acceptTotp(newTotpSecret(), codeAt(now), null, now)).toBeNull();
  });

  it("never accepts a code twice, nor an older one after a newer was used", () => {
    const step = acceptTotp(secret, codeAt(now), null, now)!;
    expect(acceptTotp(secret, codeAt(now), step, now)).toBeNull();
    expect(acceptTotp(secret, codeAt(now - 30_000), step, now)).toBeNull();
    expect(acceptTotp(secret, codeAt(now + 30_000), step, now)).toBe(step + 1);
  });

  it("tolerates a space in the middle of the code, as apps display it", () => {
    const code = codeAt(now);
    expect(acceptTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).toBe(currentStep(now));
  });

  it("makes an otpauth URI that authenticator apps read", () => {
    const uri = totpUri(secret, "admin@portal.example", "Observer Portal");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=Observer%20Portal");
  });
});

describe("recovery codes", () => {
  it("are ten distinct readable codes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
  });

  it("hash the same however they are typed", () => {
    expect(hashRecoveryCode("K7QM-2XVE-9D")).toBe(hashRecoveryCode(" k7qm2xve9d "));
    expect(hashRecoveryCode("k7qm-2xve-9d")).not.toBe(hashRecoveryCode("k7qm-2xve-9e"));
  });
});
