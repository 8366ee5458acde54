"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { routing } from "@/i18n/routing";
import { formatAge } from "@/lib/i18n/format";
import { checkBadgeOffline, type OfflineVerdict } from "@/lib/badges/offline-check";
import { BadgeDetails, VerdictBanner } from "./verdict";

const SERVICE_WORKER = "/badge-check-sw.js";
const KEYS = "/.well-known/jwks.json";
const REVOKED = "/api/badges/revoked";

type State =
  | { kind: "idle" }
  | { kind: "ready" }
  | { kind: "checked"; verdict: OfflineVerdict; checkedAt: Date }
  | { kind: "noKeys" }
  | { kind: "lookupOffline" };

/** Resolves once the registration's worker has kept its page and the keys (its install is done). */
function activated(registration: ServiceWorkerRegistration) {
  const worker = registration.installing ?? registration.waiting;
  if (!worker || worker.state === "activated") return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
      else if (worker.state === "redundant") reject(new Error("service worker not installed"));
    });
  });
}

async function cachedText(url: string) {
  const response = await caches.match(url, { ignoreVary: true });
  return response ? response.text() : null;
}

/** The verdict from the device alone: the token against the kept keys and signed list of revoked badges. */
async function checkHere(token: string): Promise<State> {
  const keys = "caches" in window ? await cachedText(KEYS) : null;
  if (!keys) return { kind: "noKeys" };
  try {
    const checkedAt = new Date();
    return { kind: "checked", verdict: await checkBadgeOffline(token, JSON.parse(keys), await cachedText(REVOKED), checkedAt), checkedAt };
  } catch {
    // No Ed25519 in this browser's WebCrypto, or a damaged copy.
    return { kind: "noKeys" };
  }
}

/**
 * Makes the page work without a network. Online it only registers the service worker (which
 * keeps the empty page, the public keys and the signed list); the server's verdict is what the
 * page shows. When the page came from the device's cache instead (the server did not answer the
 * query in the address), it checks the token here and says so.
 */
export function OfflineBadgeCheck({ locale, answeredByServer }: { locale: string; answeredByServer: boolean }) {
  const t = useTranslations("verify.offline");
  const [state, setState] = useState<State>({ kind: "idle" });

  useEffect(() => {
    let live = true;
    const settle = (next: State) => live && setState(next);
    const query = new URLSearchParams(window.location.search);
    const token = query.get("t");
    if (!answeredByServer && token) void checkHere(token).then(settle);
    else if (!answeredByServer && (query.has("number") || query.has("surname"))) settle({ kind: "lookupOffline" });
    else if ("serviceWorker" in navigator) {
      // Every language's page, not only this one: a QR code opens the Turkmen page whatever language the device was prepared in.
      Promise.all(routing.locales.map((each) => navigator.serviceWorker.register(SERVICE_WORKER, { scope: `/${each}/verify` }).then(activated)))
        .then(() => settle({ kind: "ready" }))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [answeredByServer]);

  switch (state.kind) {
    case "idle":
      return null;
    case "ready":
      return <p className="row-note">{t("ready")}</p>;
    case "noKeys":
    case "lookupOffline":
      return (
        <p className="notice" role="alert">
          {t(state.kind)}
        </p>
      );
    case "checked": {
      const { verdict } = state;
      return (
        <section aria-labelledby="verdict-word">
          <VerdictBanner verdict={verdict.status} />
          <div className="notice">
            <p>
              <strong>{t("checkedOffline")}</strong>
            </p>
            {verdict.status !== "notGenuine" && <p>{verdict.list ? t("listAge", { age: formatAge(Math.max(0, state.checkedAt.getTime() / 1000 - verdict.list.iat), locale) }) : t("noList")}</p>}
            {verdict.status === "valid" && <p>{t("noPhoto")}</p>}
          </div>
          {"claims" in verdict && <BadgeDetails locale={locale} claims={verdict.claims} organization={verdict.claims.org} election={verdict.claims.et} />}
        </section>
      );
    }
  }
}
