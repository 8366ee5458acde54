/*
 * The badge check's service worker, registered by the verification page once for each language's
 * page (/tk/verify, /ru/verify and /en/verify, each with its own scope) and for nothing else: a
 * device prepared in English also checks the QR codes, which open the Turkmen page.
 *
 * Network first, always: online, the server's verdict is the only one shown and no page comes
 * from this cache. Only when the server cannot be reached does the page come from here: the
 * empty verification page (never a page with a verdict or a name), which then checks the token
 * on the device with the public keys and the signed list of revoked badges kept here.
 */
const CACHE = "badge-check-v1";
const KEYS = "/.well-known/jwks.json";
const REVOKED = "/api/badges/revoked";
// A phone on a weak signal: after this long the device's own check is more useful than waiting.
const NETWORK_TIMEOUT_MS = 8000;

// The list is cached for a minute by HTTP too; the shell changes only with a deployment.
const LIST_FRESH_MS = 60_000;
const SHELL_FRESH_MS = 10 * 60_000;

/** Whether the copy kept of `url` is younger than `ms` (by its Date header): then a scan costs the server nothing more. */
async function keptFresh(cache, url, ms) {
  const kept = await cache.match(url, { ignoreVary: true });
  const date = kept ? Date.parse(kept.headers.get("date") || "") : NaN;
  return Date.now() - date < ms;
}

const shellPath = () => new URL(self.registration.scope).pathname.replace(/\/$/, "");

/** The page's scripts and styles, as named in its HTML (hashed names: they never change). */
const assetsOf = (html) => [...new Set([...html.matchAll(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[^"'\s\\)]+/g)].map((m) => `/_next/${m[0].replace(/^\/_next\//, "")}`))];

/** The empty page and its assets, asked for without cookies so that no signed-in name is kept. */
async function refreshShell(cache) {
  try {
    if (await keptFresh(cache, shellPath(), SHELL_FRESH_MS)) return;
    const response = await fetch(shellPath(), { cache: "no-store", credentials: "omit" });
    if (!response.ok) return;
    const html = await response.clone().text();
    await cache.put(shellPath(), response);
    await Promise.all(assetsOf(html).map(async (url) => (await cache.match(url)) || cache.add(url).catch(() => undefined)));
  } catch {
    // Offline now: the shell already kept stays.
  }
}

/** The keys and the list, fresh from the server; a failure keeps the copies already held. */
async function refreshTrust(cache) {
  if (await keptFresh(cache, REVOKED, LIST_FRESH_MS)) return;
  await Promise.all(
    [KEYS, REVOKED].map(async (url) => {
      const response = await fetch(url, { cache: "no-store" });
      if (response.ok) await cache.put(url, response);
    }),
  ).catch(() => undefined);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all([refreshShell(cache), refreshTrust(cache)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function withTimeout(promise) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), NETWORK_TIMEOUT_MS))]);
}

async function navigate(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(event.request));
    // A gateway's error page means the server is out of reach, like no network at all.
    if (response.status >= 502 && response.status <= 504) throw new Error("unreachable");
    // A page with a verdict is never kept; a visit to the empty page renews the shell (after a deployment).
    if (!new URL(event.request.url).search) event.waitUntil(refreshShell(cache));
    event.waitUntil(refreshTrust(cache));
    return response;
  } catch {
    return (await cache.match(shellPath(), { ignoreSearch: true, ignoreVary: true })) || Response.error();
  }
}

/** Scripts and styles of the shell: from the network when it answers, else the copy kept. */
async function asset(request) {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(request, { ignoreVary: true })) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (event.request.mode === "navigate" && url.pathname === shellPath()) event.respondWith(navigate(event));
  else if (url.pathname.startsWith("/_next/static/")) event.respondWith(asset(event.request));
});
