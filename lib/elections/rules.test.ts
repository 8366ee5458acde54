import { describe, expect, it } from "vitest";
import { calendarProblems, publicationAfter } from "./rules";

// Election day 7 July 2026 in Ashgabat begins at 2026-07-06T19:00:00Z.
const calendar = {
  electionDay: "2026-07-07",
  accreditationOpensAt: new Date("2026-05-08T04:00:00Z"),
  accreditationClosesAt: new Date("2026-06-27T13:00:00Z"),
  observationStartsOn: "2026-06-07",
  observationEndsOn: "2026-07-14",
};

describe("calendarProblems", () => {
  it("finds nothing wrong with a sound calendar", () => {
    expect(calendarProblems(calendar)).toEqual([]);
  });

  it("wants accreditation to open strictly before it closes", () => {
    const closes = calendar.accreditationClosesAt;
    expect(calendarProblems({ ...calendar, accreditationOpensAt: new Date(closes.getTime() - 1) })).toEqual([]);
    expect(calendarProblems({ ...calendar, accreditationOpensAt: new Date(closes) })).toEqual([
      { field: "accreditationClosesAt", key: "accreditationClosesBeforeOpens" },
    ]);
    expect(calendarProblems({ ...calendar, accreditationOpensAt: new Date(closes.getTime() + 60_000) })).toEqual([
      { field: "accreditationClosesAt", key: "accreditationClosesBeforeOpens" },
    ]);
  });

  it("lets accreditation close at the latest at midnight starting election day, Ashgabat time", () => {
    expect(calendarProblems({ ...calendar, accreditationClosesAt: new Date("2026-07-06T18:59:00Z") })).toEqual([]);
    // 00:00 on 7 July in Ashgabat: closed for all of election day.
    expect(calendarProblems({ ...calendar, accreditationClosesAt: new Date("2026-07-06T19:00:00Z") })).toEqual([]);
    expect(calendarProblems({ ...calendar, accreditationClosesAt: new Date("2026-07-06T19:00:00.001Z") })).toEqual([
      { field: "accreditationClosesAt", key: "accreditationClosesAfterElectionDay" },
    ]);
    // Still 6 July in UTC, but already 7 July 09:00 in Ashgabat.
    expect(calendarProblems({ ...calendar, accreditationClosesAt: new Date("2026-07-07T04:00:00Z") })).toEqual([
      { field: "accreditationClosesAt", key: "accreditationClosesAfterElectionDay" },
    ]);
  });

  it("wants the observation window to contain election day, its ends included", () => {
    expect(calendarProblems({ ...calendar, observationStartsOn: "2026-07-07", observationEndsOn: "2026-07-07" })).toEqual([]);
    expect(calendarProblems({ ...calendar, observationStartsOn: "2026-07-08" })).toEqual([
      { field: "observationStartsOn", key: "observationStartsAfterElectionDay" },
    ]);
    expect(calendarProblems({ ...calendar, observationEndsOn: "2026-07-06" })).toEqual([
      { field: "observationEndsOn", key: "observationEndsBeforeElectionDay" },
    ]);
  });

  it("compares days across month and year ends", () => {
    const newYear = { electionDay: "2027-01-01", observationStartsOn: "2026-12-31", observationEndsOn: "2027-01-02" };
    expect(calendarProblems(newYear)).toEqual([]);
    expect(calendarProblems({ ...newYear, observationEndsOn: "2026-12-31" })).toEqual([
      { field: "observationEndsOn", key: "observationEndsBeforeElectionDay" },
    ]);
    expect(calendarProblems({ electionDay: "2027-01-01", accreditationClosesAt: new Date("2026-12-31T19:00:01Z") })).toEqual([
      { field: "accreditationClosesAt", key: "accreditationClosesAfterElectionDay" },
    ]);
  });

  it("reports every broken rule at once and skips the rules of fields not known", () => {
    expect(
      calendarProblems({
        electionDay: "2026-07-07",
        accreditationOpensAt: new Date("2026-07-10T04:00:00Z"),
        accreditationClosesAt: new Date("2026-07-09T04:00:00Z"),
        observationStartsOn: "2026-07-08",
        observationEndsOn: "2026-07-01",
      }),
    ).toEqual([
      { field: "accreditationClosesAt", key: "accreditationClosesBeforeOpens" },
      { field: "accreditationClosesAt", key: "accreditationClosesAfterElectionDay" },
      { field: "observationStartsOn", key: "observationStartsAfterElectionDay" },
      { field: "observationEndsOn", key: "observationEndsBeforeElectionDay" },
    ]);
    expect(calendarProblems({ accreditationClosesAt: new Date("2030-01-01T00:00:00Z"), observationStartsOn: "2030-01-01" })).toEqual([]);
  });
});

describe("publicationAfter", () => {
  const now = new Date("2026-03-01T10:00:00Z");
  const earlier = new Date("2026-02-01T10:00:00Z");

  it("stamps the moment a draft (or a new election) is published", () => {
    expect(publicationAfter({ status: "draft", publishedAt: null }, "published", now)).toEqual({ status: "published", publishedAt: now });
    expect(publicationAfter(null, "published", now)).toEqual({ status: "published", publishedAt: now });
  });

  it("keeps the first publication moment when a published election is saved again", () => {
    expect(publicationAfter({ status: "published", publishedAt: earlier }, "published", now)).toEqual({ status: "published", publishedAt: earlier });
    // Given the whole stored record, it answers with the publication alone (the edit's other fields win).
    const stored = { status: "published" as const, publishedAt: earlier, titleEn: "Old title" };
    expect(publicationAfter(stored, "published", now)).toStrictEqual({ status: "published", publishedAt: earlier });
  });

  it("clears the moment when an election goes back to draft", () => {
    expect(publicationAfter({ status: "published", publishedAt: earlier }, "draft", now)).toEqual({ status: "draft", publishedAt: null });
    expect(publicationAfter(null, "draft", now)).toEqual({ status: "draft", publishedAt: null });
  });
});
