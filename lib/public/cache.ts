import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import type { Locale } from "@/i18n/routing";
import { listPublishedElections, type PublicElectionSort } from "@/lib/elections/queries";
import type { ListQuery } from "@/lib/listing";
import { listElectionMeetingSummaries, listLatestMeetingSummaries } from "./meeting-summaries";
import { buildPublicRegister, currentTotals, findPublicElection, listCurrentElections, listPublicElections } from "./register";

/**
 * The public pages read through Next's data cache, so a surge of readers costs no database work;
 * every change to what they show (an election saved, an accreditation decision, a revocation, a
 * withdrawal, a meeting summary published or withdrawn) expires the one tag at once, from the
 * Server Action that made it. The five minutes are a backstop for a change made by another
 * process, whose cache this one does not share; they also bound the cached pages (a page is
 * renewed as often as the shortest of its data), so they are no shorter than the pages' own.
 */
export const PUBLIC_TAG = "public-portal";
export const PUBLIC_REVALIDATE_SECONDS = 300;
const options = { tags: [PUBLIC_TAG], revalidate: PUBLIC_REVALIDATE_SECONDS };

export const cachedCurrentElections = unstable_cache(() => listCurrentElections(), ["public", "current-elections"], options);
export const cachedPublicElections = unstable_cache(() => listPublicElections(), ["public", "elections"], options);
/** A page of the elections list (locale, sort and page are the key); instants as ISO strings. */
export const cachedElectionPage = unstable_cache(
  async (locale: Locale, query: ListQuery & { sort: PublicElectionSort }) => {
    const { rows, total } = await listPublishedElections(locale, query);
    const iso = rows.map((row) => ({ ...row, accreditationOpensAt: row.accreditationOpensAt.toISOString(), accreditationClosesAt: row.accreditationClosesAt.toISOString() }));
    return { rows: iso, total };
  },
  ["public", "election-page"],
  options,
);
export const cachedCurrentTotals = unstable_cache(() => currentTotals(), ["public", "current-totals"], options);

/** The register of a published election by its key (electionKeyOf; part of the cache key), or null. */
export const cachedPublicRegister = unstable_cache(
  async (key: string) => {
    const election = await findPublicElection(key);
    return election ? buildPublicRegister(election) : null;
  },
  ["public", "register"],
  options,
);

export const cachedLatestMeetingSummaries = unstable_cache(() => listLatestMeetingSummaries(), ["public", "latest-meeting-summaries"], options);
/** An election's published meeting summaries by its id (part of the cache key). */
export const cachedElectionMeetingSummaries = unstable_cache((electionId: string) => listElectionMeetingSummaries(electionId), ["public", "election-meeting-summaries"], options);

/** Called after a change the public pages show: the next reader gets fresh data. */
export function refreshPublicPages() {
  revalidateTag(PUBLIC_TAG, { expire: 0 });
}
