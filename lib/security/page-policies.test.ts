import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config as proxyConfig } from "@/proxy";

/**
 * Each page gets one script policy from one place: the public pages served from the cache skip
 * the proxy and get next.config.ts's policy without a nonce; every other page goes through the
 * proxy, which gives it a nonce. The proxy's matcher is a literal, so this holds the two together.
 */
const cachedPages = ["/en", "/tk", "/ru/elections", "/en/elections/MEJ-2023", "/en/elections/MEJ-2023/register", "/en/statements", "/en/statements/latest", "/ru/statements/4b1a3c0e-8f1d-4c43-9a55-0c3d0d1e2f3a/versions/1/en"];
const otherPages = ["/", "/en/portal", "/en/portal/statements", "/en/commission/elections", "/en/sign-in", "/en/verify", "/en/statementsx", "/en/electionsfoo", "/en/x/elections", "/de", "/de/statements", "/statements", "/en/no-such-page", "/en/missions", "/tk/meetings/2024"];

const policyOf = async (path: string) => (await unstable_getResponseFromNextConfig({ url: `https://portal.example${path}`, nextConfig })).headers.get("content-security-policy");

describe("the script policy of pages", () => {
  it.each(cachedPages)("%s is served from the cache: no proxy, next.config.ts's policy with inline scripts", async (path) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: path })).toBe(false);
    expect(await policyOf(path)).toContain("script-src 'self' 'unsafe-inline'");
  });

  it.each(otherPages)("%s goes through the proxy, which sets its policy with a nonce", async (path) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: path })).toBe(true);
    expect(await policyOf(path)).toBeNull();
  });

  it.each(["/icon.svg", "/en/elections/MEJ-2023/register.csv", "/api/feeds/statements"])("%s is a file: nothing may run", async (path) => {
    expect(await policyOf(path)).toContain("script-src 'none'");
  });
});
