import { describe, expect, it } from "vitest";
import { electionPhase } from "./phase";

// Like MEJ-2024 of the demo data: accreditation 8 May 09:00 – 27 June 18:00 Ashgabat, election on 7 July 2024.
const election = {
  electionDay: "2024-07-07",
  accreditationOpensAt: new Date("2024-05-08T04:00:00Z"), // 09:00 in Ashgabat (UTC+5)
  accreditationClosesAt: new Date("2024-06-27T13:00:00Z"), // 18:00 in Ashgabat
};

const at = (iso: string) => new Date(iso);

describe("electionPhase", () => {
  it("is not open long before and one millisecond before accreditation opens", () => {
    expect(electionPhase(election, at("2024-01-01T00:00:00Z"))).toBe("accreditationNotOpen");
    expect(electionPhase(election, at("2024-05-08T03:59:59.999Z"))).toBe("accreditationNotOpen");
  });

  it("is open from the instant accreditation opens until just before it closes", () => {
    expect(electionPhase(election, at("2024-05-08T04:00:00.000Z"))).toBe("accreditationOpen");
    expect(electionPhase(election, at("2024-06-01T12:00:00Z"))).toBe("accreditationOpen");
    expect(electionPhase(election, at("2024-06-27T12:59:59.999Z"))).toBe("accreditationOpen");
  });

  it("is closed from the instant accreditation closes through election day (Ashgabat time)", () => {
    expect(electionPhase(election, at("2024-06-27T13:00:00.000Z"))).toBe("accreditationClosed");
    expect(electionPhase(election, at("2024-07-07T00:00:00Z"))).toBe("accreditationClosed");
    // 23:59:59 on 7 July in Ashgabat: still election day.
    expect(electionPhase(election, at("2024-07-07T18:59:59.999Z"))).toBe("accreditationClosed");
  });

  it("is held once election day is over in Ashgabat, although it is still 7 July in UTC", () => {
    // 00:00 on 8 July in Ashgabat.
    expect(electionPhase(election, at("2024-07-07T19:00:00.000Z"))).toBe("held");
    // 01:00 on 8 July in Ashgabat.
    expect(electionPhase(election, at("2024-07-07T20:00:00Z"))).toBe("held");
    expect(electionPhase(election, at("2025-01-01T00:00:00Z"))).toBe("held");
  });

  it("compares election days as dates across month and year ends", () => {
    const newYear = {
      electionDay: "2024-12-31",
      accreditationOpensAt: new Date("2024-11-01T04:00:00Z"),
      accreditationClosesAt: new Date("2024-12-20T13:00:00Z"),
    };
    expect(electionPhase(newYear, at("2024-12-31T18:59:59Z"))).toBe("accreditationClosed");
    expect(electionPhase(newYear, at("2024-12-31T19:00:00Z"))).toBe("held");
  });

  it("defaults to the current time", () => {
    const now = Date.now();
    const open = {
      electionDay: "2999-01-01",
      accreditationOpensAt: new Date(now - 86_400_000),
      accreditationClosesAt: new Date(now + 86_400_000),
    };
    expect(electionPhase(open)).toBe("accreditationOpen");
    expect(electionPhase({ ...open, electionDay: "2000-01-01" })).toBe("held");
  });
});
