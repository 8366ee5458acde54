import { describe, expect, it } from "vitest";
import { shownStatusAt } from "./vocabulary";

describe("shownStatusAt", () => {
  const now = new Date("2026-12-01T08:00:00Z");

  it("shows a version published for a later embargo time as scheduled until that time, and published from it", () => {
    const publishedAt = new Date("2026-12-20T05:00:00Z");
    expect(shownStatusAt({ status: "published", publishedAt }, now)).toBe("scheduled");
    expect(shownStatusAt({ status: "published", publishedAt }, new Date(publishedAt.getTime() - 1))).toBe("scheduled");
    expect(shownStatusAt({ status: "published", publishedAt }, publishedAt)).toBe("published");
    expect(shownStatusAt({ status: "published", publishedAt: new Date("2026-11-30T08:00:00Z") }, now)).toBe("published");
  });

  it("leaves every other status as it is", () => {
    for (const status of ["draft", "submitted", "returned"] as const) expect(shownStatusAt({ status, publishedAt: null }, now)).toBe(status);
  });
});
