import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy, staticContentSecurityPolicy } from "./headers";

/** The policy as directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `directive ${name} appears twice`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

const NONCE = "bm9uY2UtZm9yLXRlc3Rz";

const policies = {
  "nonce, production": pageContentSecurityPolicy({ nonce: NONCE, development: false }),
  "nonce, development": pageContentSecurityPolicy({ nonce: NONCE, development: true }),
  "no nonce, production": pageContentSecurityPolicy({ nonce: null, development: false }),
  "no nonce, development": pageContentSecurityPolicy({ nonce: null, development: true }),
  static: staticContentSecurityPolicy,
};

describe("pageContentSecurityPolicy", () => {
  it("with a nonce allows scripts by nonce and strict-dynamic, never inline", () => {
    for (const development of [false, true]) {
      const scriptSrc = directives(pageContentSecurityPolicy({ nonce: NONCE, development })).get("script-src");
      expect(scriptSrc).toContain(`'nonce-${NONCE}'`);
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
    }
  });

  it("puts the given nonce in the policy, not a fixed one", () => {
    const a = pageContentSecurityPolicy({ nonce: "AAAA", development: false });
    const b = pageContentSecurityPolicy({ nonce: "BBBB", development: false });
    expect(directives(a).get("script-src")).toContain("'nonce-AAAA'");
    expect(directives(b).get("script-src")).toContain("'nonce-BBBB'");
    expect(a).not.toContain("BBBB");
  });

  it("without a nonce allows inline scripts and has no nonce", () => {
    for (const development of [false, true]) {
      const scriptSrc = directives(pageContentSecurityPolicy({ nonce: null, development })).get("script-src") ?? [];
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).toContain("'unsafe-inline'");
      expect(scriptSrc.some((s) => s.startsWith("'nonce-"))).toBe(false);
      expect(scriptSrc).not.toContain("'strict-dynamic'");
    }
  });

  it("never allows eval in production, only in development", () => {
    for (const nonce of [NONCE, null]) {
      expect(pageContentSecurityPolicy({ nonce, development: false })).not.toContain("unsafe-eval");
      expect(directives(pageContentSecurityPolicy({ nonce, development: true })).get("script-src")).toContain("'unsafe-eval'");
    }
  });
});

describe("every content security policy", () => {
  it.each(Object.entries(policies))("%s has the common restrictions", (_name, policy) => {
    const d = directives(policy);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.has("script-src")).toBe(true);
  });
});

describe("staticContentSecurityPolicy", () => {
  it("lets no script run", () => {
    expect(directives(staticContentSecurityPolicy).get("script-src")).toEqual(["'none'"]);
  });
});
