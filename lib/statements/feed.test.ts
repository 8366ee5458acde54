import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { statementsAtom } from "./feed";
import type { PublicStatementSummary } from "./public";

const titles = { tk: "Mejlise saýlawlar", ru: "Выборы в Меджлис", en: "Mejlis elections" };
const statement = (id: string, publishedAt: string): PublicStatementSummary => ({
  id,
  kind: "final",
  version: 1,
  publishedAt,
  firstPublishedAt: publishedAt,
  originalLanguage: "en",
  title: `Final report ${id.slice(0, 4)}`,
  titleLanguage: "en",
  languages: ["en"],
  missionId: "00000000-0000-4000-8000-00000000000a",
  missionName: "Election Assessment Mission",
  organization: { tk: "ÝHHG/DIAHB", ru: "ОБСЕ/БДИПЧ", en: "OSCE/ODIHR" },
  acronym: "OSCE/ODIHR",
  election: { code: "MEJ-2024", titles },
  snippet: null,
});

/** The feed's own <updated> (it comes before any entry's). */
const feedUpdated = (xml: string) => xml.match(/<updated>([^<]*)<\/updated>/)?.[1];

const rights = en.publicStatements.feedRights.replace("{commission}", en.layout.commissionName);
const options = { title: "Statements", selfPath: "/api/feeds/statements?locale=en", rights, kindLabel: () => "Final report", now: new Date("2026-11-30T17:00:00Z") };

describe("the statements' Atom feed", () => {
  it("names whose the statements are and who publishes them, not an email's footer", () => {
    const xml = statementsAtom("en", [], options);
    expect(xml).toContain("<rights>The statements are the observation missions' own; Central Commission for Elections and Referendums in Turkmenistan publishes them on this portal");
    expect(xml).not.toContain("replies are not read");
  });

  it("is updated at the request's time when empty, else at its latest entry's", () => {
    expect(feedUpdated(statementsAtom("en", [], options))).toBe("2026-11-30T17:00:00.000Z");
    const entries = [statement("11111111-1111-4111-8111-111111111111", "2026-10-01T09:00:00.000Z"), statement("22222222-2222-4222-8222-222222222222", "2026-10-03T09:00:00.000Z")];
    const xml = statementsAtom("en", entries, options);
    expect(feedUpdated(xml)).toBe("2026-10-03T09:00:00.000Z");
    expect(parseFeed(xml).items).toHaveLength(2);
  });
});
