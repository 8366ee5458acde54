import { BASE } from "../bench/harness";

/**
 * A Server Action posted as the page's form posts it (React's encoding: the form's fields as "_1_…"
 * parts, the arguments as part 0), signed in by `cookie`. `redirect` is where the action sent the
 * user: the portal's confirmation of a write, null when it did not confirm.
 */
export async function postServerAction(path: string, actionId: string, fields: [string, string][], cookie: string) {
  const body = new FormData();
  for (const [name, value] of [...fields, ["locale", "en"] as [string, string]]) body.append(`_1_${name}`, value);
  body.set("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const response = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "Next-Action": actionId, Origin: BASE, Accept: "text/x-component", cookie },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, redirect: response.headers.get("x-action-redirect"), text };
}
