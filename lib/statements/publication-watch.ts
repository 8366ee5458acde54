import "server-only";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { processRefreshToken } from "@/lib/public/refresh-token";
import { publishingNow } from "./clock";
import { newestPublicationInstant } from "./public";

const INTERVAL_MS = 2_000;

/**
 * One look: when the newest public moment differs from the last one refreshed for, refresh (the
 * first look too, at no cost in a server just started). A failed refresh is tried again at the
 * next look.
 */
export function publicationLook(newestInstant: () => Promise<string | null>, refresh: () => Promise<void>) {
  let refreshedFor: string | null | undefined;
  return async () => {
    const newest = await newestInstant();
    if (newest === refreshedFor) return false;
    await refresh();
    refreshedFor = newest;
    return true;
  };
}

/** Asks this server, through its own HTTP port, to expire its cached public pages. */
async function refreshThisServer() {
  const response = await fetch(`http://127.0.0.1:${getEnv().PORT}/api/internal/public-refresh`, {
    method: "POST",
    headers: { "x-refresh-token": processRefreshToken() },
    signal: AbortSignal.timeout(5_000),
  });
  if (response.status !== 204) throw new Error(`public refresh answered ${response.status}`);
}

export type PublicationWatch = { stop: () => void };

/**
 * Public pages are cached, and a statement whose embargo passes becomes public with no action
 * that would refresh them; nor does a publication by another server process refresh this one's.
 * Every two seconds the server looks for the newest public moment and refreshes its pages when
 * it moved, so such a statement shows within seconds and never before its time (each page's
 * query compares with the clock itself).
 */
export function startPublicationWatch(): PublicationWatch {
  const look = publicationLook(() => newestPublicationInstant(publishingNow()), refreshThisServer);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;
  const round = async () => {
    try {
      if (await look()) log.debug("statements.public_pages_refreshed");
      if (failing) log.info("statements.public_refresh_recovered");
      failing = false;
    } catch (error) {
      // Once, not every two seconds; the pages' own revalidation is the backstop meanwhile.
      if (!failing) log.warn("statements.public_refresh_failed", describeError(error));
      failing = true;
    }
    if (!stopped) timer = setTimeout(round, INTERVAL_MS);
  };
  timer = setTimeout(round, INTERVAL_MS);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
