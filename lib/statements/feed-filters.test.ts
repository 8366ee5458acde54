import { parseFeed } from "@rowanmanning/feed-parser";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/feeds/statements/route";
import { getDb } from "@/db";
import en from "@/messages/en.json";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { createStatement, submitVersion } from "./drafting";
import { getVersionForReview, publishVersion } from "./publishing";
import { statementDraftSchema } from "./schemas";

// The route as Next runs it, without Next's data cache and request-scoped translations.
vi.mock("next/cache", () => ({ unstable_cache: <T>(read: T) => read, revalidateTag: () => undefined }));
vi.mock("next-intl/server", () => ({
  getTranslations: async ({ namespace }: { locale: string; namespace: string }) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
}));

const data = testData();
const accreditation = accreditationData(data);
setUpTestDatabase(data);

const ip = "203.0.113.9";
const word = `zorro${data.token}`;
let electionCode: string;
let preliminaryTitle: string;
let finalTitle: string;

/** One mission's two published statements: a preliminary one in English with a Russian translation, a final report in Russian only. */
beforeAll(async () => {
  const draft = await accreditation.draftApplication();
  await accreditation.setMissionStatus(draft.missionId, "approved");
  const reviewer = { id: (await data.user("reviewer")).id, role: "reviewer" as const };
  const empty = { otherLanguageName: "", embargoAt: "", tkTitle: "", tkBody: "", ruTitle: "", ruBody: "", enTitle: "", enBody: "" };
  preliminaryTitle = `Preliminary findings ${data.token}`;
  finalTitle = `Заключительный отчёт ${data.token}`;
  const inputs = [
    { ...empty, kind: "preliminary", originalLanguage: "en", title: preliminaryTitle, body: "Voting was calm.", ruTitle: `Предварительные выводы ${data.token}`, ruBody: "Голосование прошло спокойно." },
    { ...empty, kind: "final", originalLanguage: "ru", title: finalTitle, body: `Миссия рекомендует ${word} и пересмотреть порядок аккредитации.` },
  ];
  for (const input of inputs) {
    const created = await createStatement(draft.actor, statementDraftSchema.parse({ missionId: draft.missionId, ...input }), [], ip);
    if (!created.ok) throw new Error("expected the statement to be created");
    await submitVersion(draft.actor, created.versionId, ip);
    const review = (await getVersionForReview(reviewer, created.versionId, "en"))!;
    expect((await publishVersion(reviewer, created.versionId, review.revision, "now", ip, new Date())).ok).toBe(true);
  }
  electionCode = draft.election.code;
});

async function feed(query: string) {
  const response = await GET(new Request(`http://portal.test/api/feeds/statements?locale=en&election=${electionCode}&${query}`));
  expect(response.status).toBe(200);
  const parsed = parseFeed(await response.text());
  return { titles: parsed.items.map((item) => item.title).sort(), self: new URL(parsed.self!).searchParams };
}

describe("the statements feed honours the list's filters", () => {
  it("of the election alone: both statements", async () => {
    expect((await feed("")).titles).toEqual([preliminaryTitle, finalTitle].sort());
  });

  it("of a kind: that kind only, and its own address says so", async () => {
    const { titles, self } = await feed("kind=final");
    expect(titles).toEqual([finalTitle]);
    expect(self.get("kind")).toBe("final");
  });

  it("of a language: the statements with a text in it", async () => {
    expect((await feed("language=en")).titles).toEqual([preliminaryTitle]);
    expect((await feed("language=ru")).titles).toEqual([preliminaryTitle, finalTitle].sort());
  });

  it("of search words: the statements the list's search finds, without the passages the list shows", async () => {
    // ts_headline runs as a raw statement (db.execute); the feed's rows come from the query builder.
    const passages = vi.spyOn(getDb(), "execute");
    const { titles, self } = await feed(`q=${word}`);
    const passagesMade = passages.mock.calls.length;
    passages.mockRestore();
    expect(passagesMade).toBe(0);
    expect(titles).toEqual([finalTitle]);
    expect(self.get("q")).toBe(word);
  });

  it("ignores a filter it cannot read, as the list does", async () => {
    const { titles, self } = await feed("kind=verdict&language=xx&page=2");
    expect(titles).toEqual([preliminaryTitle, finalTitle].sort());
    expect([...self.keys()].sort()).toEqual(["election", "locale"]);
  });
});
