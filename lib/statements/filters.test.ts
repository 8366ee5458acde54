import { describe, expect, it } from "vitest";
import { feedQueryOf, filtersOf, paramsOf } from "./filters";

describe("the statements list's filters and its feed's address", () => {
  it("reads a list's query as its feed reads it, the first of a repeated parameter counting", () => {
    const search = new URLSearchParams("q=%20queues%20&election=mej-2024&organization=OSCE&kind=final&language=ru&page=3&kind=interim");
    expect(filtersOf(paramsOf(search))).toEqual({ filters: { q: "queues", election: "MEJ-2024", organization: "OSCE", kind: "final", language: "ru" }, page: 3 });
  });

  it("drops what it cannot read: an unknown kind or language, a malformed code, an overlong search", () => {
    const search = new URLSearchParams({ kind: "verdict", language: "xx", election: "MEJ 2024", q: "x".repeat(201), page: "0" });
    expect(filtersOf(paramsOf(search))).toEqual({ filters: {}, page: 1 });
  });

  it("carries every filter of the list to its feed, and not the page", () => {
    const filters = { q: "очередь", election: "MEJ-2024", organization: "CIS", kind: "final", language: "ru" } as const;
    const query = feedQueryOf("ru", filters);
    expect(query.get("locale")).toBe("ru");
    expect(filtersOf(paramsOf(query))).toEqual({ filters, page: 1 });
    expect(feedQueryOf("en", {}).toString()).toBe("locale=en");
  });
});
