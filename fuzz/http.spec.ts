import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import fc from "fast-check";
import pg from "pg";
import { newOpenElection, submittedApplication } from "../e2e/accreditation/factories";
import { DEMO_PASSWORD, staffStatePath } from "../e2e/fixtures";
import { postServerAction, serverActionManifest } from "../e2e/server-actions";
import { proofSettings, readEnv } from "../lib/env";
import { fieldsOf, formSchemas } from "../test/form-schemas";
import { hostileString } from "../test/hostile-input";

/**
 * Every Server Action and route handler that takes input gets FUZZ_RUNS (default 1,000) generated
 * requests — hostile form fields and files, path segments and query strings — as the role that may use
 * it and as an outsider. None may answer 5xx, and another organization's missions, observers and files
 * must be byte for byte what they were.
 */

const { fuzzRuns: RUNS, fuzzSeed: SEED } = proofSettings();
/** Requests in flight at once: enough to keep two cores busy, few enough not to trip timeouts. */
const CONCURRENCY = 6;

test.describe.configure({ mode: "serial" });
test.setTimeout(0);

type Role = "anonymous" | "coordinator" | "admin";
type Sent = { status: number; input: string };
type Target = { name: string; roles: [Role, Role]; send: (client: APIRequestContext, runs: number) => Generator<() => Promise<Sent>> };

// ---- Server Actions, found in the build's manifest and read from their source ----


const sourceOf = (file: string) => readFileSync(file, "utf8");
/** The exported function's text, up to the next export. */
function functionText(source: string, name: string) {
  const start = source.indexOf(`export async function ${name}(`);
  if (start < 0) return null;
  const next = source.indexOf("\nexport ", start + 1);
  return source.slice(start, next < 0 ? undefined : next);
}

const schemaFields = new Map(formSchemas.map(([name, schema]) => [name, fieldsOf(schema)]));
/** The names a Server Action reads from its form: its own get()s and uploads, and its schema's fields. */
function fieldsRead(body: string) {
  const names = new Set<string>();
  for (const match of body.matchAll(/formData[^"]{0,20}"([\w.$-]+)"/g)) names.add(match[1]!);
  for (const match of body.matchAll(/\b(\w+Schema)\b/g)) for (const field of schemaFields.get(match[1]!) ?? []) names.add(field);
  return [...names];
}

/**
 * A page that holds the action: Next runs an action only when posted to such a page. Route groups
 * drop out of the URL; a page's own parameters get an id that names nothing.
 */
function pageUrlOf(workers: string[]) {
  const page = [...workers].sort((a, b) => a.split("[").length - b.split("[").length || a.length - b.length)[0]!;
  return page
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace("[locale]", "en")
    .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");
}

/** Which role a page's Server Action is for, from the route group of the page that holds it. */
function rolesFor(workers: string[]): [Role, Role] {
  if (workers.some((w) => w.includes("(commission)"))) return ["admin", "coordinator"];
  if (workers.some((w) => w.includes("(portal)"))) return ["coordinator", "admin"];
  return ["anonymous", "coordinator"];
}

/** A file a hostile upload could carry: empty, garbage, a PDF, an SVG with a script, a PNG claiming 30000×30000. */
const hostileFile = fc
  .tuple(
    fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from("%PDF-1.4\n%%EOF\n"),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from("PK\u0003\u0004garbage"),
      Buffer.from("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000u0\u0000\u0000u0\u0008\u0002", "latin1"),
      Buffer.from("name,surname\n=cmd|' /C calc'!A0,x\n"),
    ),
    hostileString.filter((name) => name.length < 300),
    fc.constantFrom("image/jpeg", "application/pdf", "text/csv", "application/zip", "image/svg+xml", ""),
  )
  // Browsers send a file name's control characters (CR, LF, NUL…) and " percent-encoded, and lone
  // surrogates as U+FFFD; raw, they break the multipart body, which Next refuses with a 500 before any
  // action code runs.
  .map(([bytes, name, type]) => new File([new Uint8Array(bytes)], name.toWellFormed().replace(/[\u0000-\u001f"]/g, encodeURIComponent), { type }));

/**
 * A value as React's client encodes it: a string starting with "$" is escaped as "$$…". Unescaped, it
 * is a reference the payload does not hold, which Next refuses with a 500 before any action code runs.
 */
function asReactEncodes(value: fc.JsonValue): fc.JsonValue {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(asReactEncodes);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asReactEncodes(v ?? null)]));
  return value;
}

const FILE_FIELDS = new Set(["photo", "letter", "file", "list", "archive", "photos", "attachment", "attachments"]);

function actionTargets(): Target[] {
  const targets: Target[] = [];
  const sources = new Map<string, string>();
  const actionFiles = ["accounts/actions", "accreditation/actions", "accreditation/review/actions", "elections/actions", "identity/actions", "identity/account-actions", "identity/invitation-actions", "identity/password-actions", "meetings/actions", "meetings/resource-actions", "observers/actions", "organizations/actions", "statements/actions", "audit/chain-actions"];
  for (const file of actionFiles) sources.set(file, sourceOf(`lib/${file}.ts`));

  for (const [id, entry] of Object.entries(serverActionManifest())) {
    const name = entry.exportedName;
    const found = [...sources].map(([file, source]) => ({ file, body: name ? functionText(source, name) : null })).find((s) => s.body);
    if (!name || !found?.body) continue;
    const params = found.body.slice(found.body.indexOf("(") + 1, found.body.indexOf(")")).split(",").filter((p) => p.trim());
    const fields = fieldsRead(found.body);
    const argumentCount = Math.min(params.length, 2) as 0 | 1 | 2;
    const page = pageUrlOf(Object.keys(entry.workers));
    const field = (fieldName: string) => (FILE_FIELDS.has(fieldName) ? fc.oneof(hostileFile, hostileString) : hostileString);
    const form = fc.record(Object.fromEntries(fields.map((f) => [f, fc.array(field(f), { minLength: 1, maxLength: 2 })])), { requiredKeys: [] });
    const previous = fc.oneof(fc.constant({ status: "idle" }), fc.jsonValue({ maxDepth: 2 }).map(asReactEncodes));
    targets.push({
      name: `action ${name} at ${page}`,
      roles: rolesFor(Object.keys(entry.workers)),
      *send(client, runs) {
        for (const [state, values] of fc.sample(fc.tuple(previous, form), { numRuns: runs, seed: SEED })) {
          const form = Object.entries(values).flatMap(([key, list]) => (list ?? []).map((value) => [key, value] as [string, string | File]));
          yield () =>
            postServerAction(client, { page, actionId: id, origin: baseUrl, form, previousState: state, argumentCount })
              .then((response) => ({ status: response.status(), input: summary(values) }));
        }
      },
    });
  }
  // Signing out (everywhere) would end the sessions the other targets use: those go last.
  const signsOut = (target: Target) => Number(target.name.includes("signOut"));
  return targets.sort((a, b) => signsOut(a) - signsOut(b) || a.name.localeCompare(b.name));
}

// ---- Route handlers: hostile path segments and query strings ----

const routes: { path: string; query: string[]; roles: [Role, Role] }[] = [
  { path: "/api/badges/revoked", query: ["since", "format"], roles: ["anonymous", "coordinator"] },
  { path: "/api/badges/:id/photo", query: ["size"], roles: ["anonymous", "coordinator"] },
  { path: "/api/observer-template", query: ["format", "locale"], roles: ["coordinator", "anonymous"] },
  { path: "/api/exports/accredited", query: ["election", "organization", "region", "role", "format", "locale"], roles: ["admin", "coordinator"] },
  { path: "/api/observers/:id/badge", query: ["locale"], roles: ["coordinator", "anonymous"] },
  { path: "/api/observers/:id/photo", query: ["size"], roles: ["coordinator", "admin"] },
  { path: "/api/elections/:id/register", query: ["locale"], roles: ["anonymous", "coordinator"] },
  { path: "/api/meetings/export/:id", query: ["locale"], roles: ["coordinator", "anonymous"] },
  { path: "/api/meetings/feed/:id", query: ["locale"], roles: ["anonymous", "coordinator"] },
  { path: "/api/me/personal-data", query: ["format"], roles: ["coordinator", "anonymous"] },
  { path: "/api/feeds/statements", query: ["election", "locale", "organization"], roles: ["anonymous", "coordinator"] },
  { path: "/api/applications/:id/badges", query: ["locale"], roles: ["coordinator", "admin"] },
  { path: "/api/applications/:id/letter", query: [], roles: ["coordinator", "admin"] },
  { path: "/api/statements/attachments/:id", query: [], roles: ["anonymous", "coordinator"] },
  { path: "/api/auth/:id", query: ["callbackUrl", "error", "csrf"], roles: ["anonymous", "coordinator"] },
];

/** A path segment: hostile text, or an id that looks right but names nothing, or someone else's. */
const pathSegment = (known: string[]) => fc.oneof(hostileString.filter((s) => s.length < 2_000), fc.uuid(), fc.constantFrom(...known));

function routeTargets(known: string[]): Target[] {
  return routes.map(({ path, query, roles }) => {
    const request = fc.tuple(
      pathSegment(known),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...query, "x"), hostileString.filter((s) => s.length < 100)), hostileString.filter((s) => s.length < 2_000)), { maxLength: 4 }),
    );
    return {
      name: `route GET ${path}`,
      roles,
      *send(client, runs) {
        for (const [segment, pairs] of fc.sample(request, { numRuns: runs, seed: SEED })) {
          // Lone surrogates cannot be percent-encoded; a client would send U+FFFD in their place.
          const encode = (s: string) => encodeURIComponent(s.toWellFormed());
          const url = path.replace(":id", encode(segment)) + (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")}` : "");
          yield () => client.get(url, { maxRedirects: 0, failOnStatusCode: false }).then((response) => ({ status: response.status(), input: url.slice(0, 300) }));
        }
      },
    };
  });
}

function summary(values: Record<string, unknown>) {
  return JSON.stringify(values, (_key, value: unknown) => (value instanceof File ? `File(${value.name.slice(0, 40)}, ${value.size} B)` : typeof value === "string" && value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value));
}

// ---- Another organization's data, and its checksum ----

/** md5 of the victim organization's missions, their observers and the files they point at, row by row. */
async function checksumOf(organizationAcronym: string) {
  const { DATABASE_URL } = readEnv();
  if (!DATABASE_URL) throw new Error("npm run test:fuzz needs DATABASE_URL (PostgreSQL) to read another organization's rows");
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ missions: string; observers: string; files: string; count: string }>(
      `with victim as (select m.* from missions m join organizations o on o.id = m.organization_id where o.acronym = $1),
            their_observers as (select ob.* from observers ob where ob.mission_id in (select id from victim)),
            their_files as (select f.* from files f where f.id in (select letter_file_id from victim union select photo_file_id from their_observers))
       select (select md5(coalesce(string_agg(v::text, '|' order by v.id), '')) from victim v) as missions,
              (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from their_observers t) as observers,
              (select md5(coalesce(string_agg(f::text, '|' order by f.id), '')) from their_files f) as files,
              (select count(*) from their_observers)::text as count`,
      [organizationAcronym],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

// ---- The run ----

let baseUrl = "";
const clients = new Map<Role, APIRequestContext>();
const known: string[] = [];

async function signedInClient(browser: Browser, role: Role) {
  if (role === "admin") return (await browser.newContext({ storageState: staffStatePath("admin") })).request;
  const context = await browser.newContext();
  if (role === "coordinator") {
    // The fuzzing coordinator is the CIS mission's; the victim is OSCE/ODIHR's (e2e's "coordinator").
    const page = await context.newPage();
    await page.goto("/en/sign-in");
    await page.locator("#email").fill("coordinator.cis@portal.example");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("form.form button[type=submit]").click();
    await expect(page).toHaveURL(/\/en\/portal$/);
  }
  return context.request;
}

test("no Server Action or route handler answers 5xx to hostile input, and another organization's data stays as it was", async ({ browser, baseURL }) => {
  baseUrl = baseURL!;
  const election = await newOpenElection(browser, "Fuzzing by-election");
  const victim = await submittedApplication(browser, election, { count: 2, prefix: "FZ" });
  known.push(victim.missionId, election.code);
  for (const role of ["anonymous", "coordinator", "admin"] as const) clients.set(role, await signedInClient(browser, role));
  const before = await checksumOf("OSCE/ODIHR");
  expect(Number(before.count)).toBeGreaterThanOrEqual(2);

  const targets = [...routeTargets(known), ...actionTargets()];
  expect(targets.filter((t) => t.name.includes("action")).length).toBeGreaterThan(40);
  const failures: string[] = [];
  const started = Date.now();
  console.log(`FUZZ_RUNS=${RUNS} FUZZ_SEED=${SEED}: ${targets.length} targets`);
  for (const target of targets) {
    const targetStarted = Date.now();
    const histogram = new Map<number, number>();
    // Half the inputs as the role the target is for, half as an outsider.
    const halves = [Math.ceil(RUNS / 2), Math.floor(RUNS / 2)];
    for (const [i, role] of target.roles.entries()) {
      const pending = new Set<Promise<void>>();
      for (const request of target.send(clients.get(role)!, halves[i]!)) {
        const settled: Promise<void> = request().then(
          ({ status, input }) => {
            histogram.set(status, (histogram.get(status) ?? 0) + 1);
            if (status >= 500) failures.push(`${target.name} as ${role}: ${status} for ${input}`);
          },
          (error: unknown) => void failures.push(`${target.name} as ${role}: ${String(error).slice(0, 200)}`),
        );
        const tracked = settled.finally(() => pending.delete(tracked));
        pending.add(tracked);
        if (pending.size >= CONCURRENCY) await Promise.race(pending);
      }
      await Promise.all(pending);
    }
    const statuses = [...histogram].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" ");
    console.log(`${target.name.padEnd(70)} ${String(RUNS).padStart(5)} inputs  ${((Date.now() - targetStarted) / 1000).toFixed(1).padStart(6)} s  ${statuses}`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`total: ${targets.length * RUNS} requests in ${seconds.toFixed(0)} s (${((targets.length * RUNS) / seconds).toFixed(0)} req/s)`);

  expect(await checksumOf("OSCE/ODIHR")).toEqual(before);
  expect(failures.slice(0, 20)).toEqual([]);
});
