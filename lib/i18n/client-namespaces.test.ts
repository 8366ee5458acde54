import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { workspaceClientNamespaces } from "./client-namespaces";

/**
 * Each workspace sends the browser only the message namespaces its client components use. This
 * walks the imports of every file of the workspace's route group, the way the bundler does, and
 * collects the namespaces of `useTranslations` in code that runs in the browser: a module marked
 * "use client" and everything it imports. A namespace missing from the list would show raw keys.
 */
const root = resolve(__dirname, "../..");

function resolveImport(from: string, specifier: string) {
  const base = specifier.startsWith("@/") ? join(root, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(from), specifier) : null;
  if (!base) return null;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

const importsOf = (file: string, source: string) =>
  [...source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => resolveImport(file, m[1]!)).filter((f): f is string => f !== null && !f.endsWith(".json") && !f.endsWith(".css"));

function namespacesInBrowser(entries: string[]) {
  const namespaces = new Set<string>();
  const seen = new Map<string, boolean>();
  const visit = (file: string, inBrowser: boolean) => {
    const source = readFileSync(file, "utf8");
    const browser = inBrowser || /^["']use client["']/m.test(source);
    // A module already walked as browser code, or walked as server code now reached again as server code, adds nothing.
    if (seen.get(file) === true || (seen.has(file) && !browser)) return;
    seen.set(file, browser);
    if (browser) for (const m of source.matchAll(/useTranslations\(\s*"([^"]+)"/g)) namespaces.add(m[1]!.split(".")[0]!);
    for (const imported of importsOf(file, source)) visit(imported, browser);
  };
  entries.forEach((entry) => visit(entry, false));
  return namespaces;
}

const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => join(dir, f)).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));

describe("the messages each workspace sends to the browser", () => {
  it.each(Object.entries(workspaceClientNamespaces))("%s: exactly the namespaces its client components use", (group, listed) => {
    const found = namespacesInBrowser(filesUnder(join(root, "app", "[locale]", `(${group})`)));
    expect([...listed].sort()).toEqual([...found].sort());
  });
});
