import "server-only";
import { and, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { elections, meetings, missions, organizations } from "@/db/schema";

/**
 * What the public may know of the commission's meetings with missions: only held meetings whose
 * summary staff published, in three languages, with the organization, the election and the day.
 * Never the agenda, the participants or the minutes. Instants are ISO strings (Next's data cache
 * keeps JSON).
 */

type Texts = { tk: string; ru: string; en: string };

export type PublicMeetingSummary = {
  id: string;
  heldAt: string;
  organization: Texts;
  acronym: string;
  election: { code: string; titles: Texts };
  summary: Texts;
};

async function listSummaries(where: SQL | undefined, limit: number): Promise<PublicMeetingSummary[]> {
  const rows = await getDb()
    .select({
      id: meetings.id,
      heldAt: meetings.startsAt,
      organization: { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn },
      acronym: organizations.acronym,
      electionCode: elections.code,
      electionTitles: { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn },
      summary: { tk: meetings.summaryTk, ru: meetings.summaryRu, en: meetings.summaryEn },
    })
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(meetings.status, "held"), isNotNull(meetings.summaryPublishedAt), eq(elections.status, "published"), where))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    heldAt: r.heldAt!.toISOString(),
    organization: r.organization,
    acronym: r.acronym,
    election: { code: r.electionCode, titles: r.electionTitles },
    summary: { tk: r.summary.tk ?? "", ru: r.summary.ru ?? "", en: r.summary.en ?? "" },
  }));
}

/** The latest published summaries, for the home page. */
export const listLatestMeetingSummaries = (limit = 5) => listSummaries(undefined, limit);

/** An election's published summaries, the latest first. */
export const listElectionMeetingSummaries = (electionId: string) => listSummaries(eq(elections.id, electionId), 100);
