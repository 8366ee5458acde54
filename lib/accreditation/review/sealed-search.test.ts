import { describe, expect, it } from "vitest";
import { sealSecret } from "@/lib/identity/secret-box";
import { openQueueSearch, sealQueueSearch } from "./sealed-search";

describe("the queue's sealed search term", () => {
  it("opens what the queue sealed, and hides it in the address", () => {
    const sealed = sealQueueSearch("AB1234567");
    expect(sealed).not.toContain("AB1234567");
    expect(openQueueSearch(sealed)).toBe("AB1234567");
  });

  it("does not open a secret sealed for another use: a stored TOTP seed put in the address stays sealed", () => {
    expect(openQueueSearch(sealSecret("JBSWY3DPEHPK3PXP"))).toBe("");
  });

  it("is no search when tampered with or not sealed at all", () => {
    const sealed = sealQueueSearch("Äşirowa");
    const [version, iv, tag, ciphertext] = sealed.split(".");
    const flipped = `${ciphertext![0] === "A" ? "B" : "A"}${ciphertext!.slice(1)}`;
    expect(openQueueSearch([version, iv, tag, flipped].join("."))).toBe("");
    expect(openQueueSearch("AB1234567")).toBe("");
    expect(openQueueSearch("")).toBe("");
  });
});
