import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxiesFrom } from "../scripts/client-address.mjs";

describe("the client's address", () => {
  it("is the socket's peer when no proxy stands in front, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.20", 0)).toBe("198.51.100.20");
    expect(clientAddress(undefined, "198.51.100.20", 0)).toBe("198.51.100.20");
  });

  it("is the hop our one proxy appended, not what the client put before it", () => {
    expect(clientAddress("203.0.113.7, 192.0.2.44", "10.0.0.2", 1)).toBe("192.0.2.44");
    expect(clientAddress("192.0.2.44", "10.0.0.2", 1)).toBe("192.0.2.44");
  });

  it("counts back through a chain of trusted proxies, and never past its start", () => {
    expect(clientAddress("203.0.113.7, 192.0.2.44, 10.0.0.9", "10.0.0.2", 2)).toBe("192.0.2.44");
    expect(clientAddress(undefined, "10.0.0.2", 3)).toBe("10.0.0.2");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("defaults to none and takes a small whole number", () => {
    expect(trustedProxiesFrom(undefined)).toBe(0);
    expect(trustedProxiesFrom("2")).toBe(2);
  });

  it("refuses anything else, so a typo does not silently trust every client", () => {
    for (const value of ["-1", "one", "1.5", "11"]) expect(() => trustedProxiesFrom(value)).toThrow(/TRUSTED_PROXIES/);
  });
});
