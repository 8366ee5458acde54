import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

/**
 * Server Actions posted as a hand-made client would, by their id in the production build's manifest:
 * for specs that send what no page's form would (e2e refusals, the fuzzer in fuzz/).
 */

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string };

export function serverActionManifest() {
  return (JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> }).node;
}

export function serverActionId(exportedName: string) {
  const found = Object.entries(serverActionManifest()).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no Server Action ${exportedName} in the build`);
  return found[0];
}

/**
 * Posts `form` to the action with React's encoding of its arguments: "$K1" names the form, sent as
 * parts "_1_…" that must come before part 0 (the arguments), which the server resolves as soon as it
 * arrives. `previousState` is given to actions of `useActionState`, which take it first.
 */
export function postServerAction(
  client: APIRequestContext,
  options: { page: string; actionId: string; origin: string; form: [string, string | File][]; previousState?: unknown; argumentCount: 0 | 1 | 2 },
) {
  const body = new FormData();
  for (const [key, value] of options.form) body.append(`_1_${key}`, value);
  const args = [[], ["$K1"], [options.previousState ?? { status: "idle" }, "$K1"]][options.argumentCount];
  body.set("0", JSON.stringify(args));
  return client.post(options.page, {
    headers: { "Next-Action": options.actionId, Origin: options.origin, Accept: "text/x-component" },
    multipart: body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}
