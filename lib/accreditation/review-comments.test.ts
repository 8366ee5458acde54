import { describe, expect, it } from "vitest";
import { groupComments } from "./review-comments";

const at = new Date("2026-11-30T10:00:00Z");
const later = new Date("2026-11-30T10:05:00Z");

describe("groupComments", () => {
  it("shows a request naming several observers once, with all their names, in the order given", () => {
    const comments = [
      { at, body: "Passport expires", observer: "Äşirowa" },
      { at, body: "Passport expires", observer: "Öwezow" },
      { at: later, body: "Letter unsigned", observer: null },
    ];
    expect(groupComments(comments, (c) => c.observer)).toEqual([
      { at, body: "Passport expires", observer: "Äşirowa", observers: ["Äşirowa", "Öwezow"] },
      { at: later, body: "Letter unsigned", observer: null, observers: [] },
    ]);
  });

  it("keeps apart the same words sent at another time, and other words sent at once", () => {
    const comments = [
      { at, body: "Photo", observer: "A" },
      { at: later, body: "Photo", observer: "A" },
      { at, body: "Dates", observer: "A" },
    ];
    expect(groupComments(comments, (c) => c.observer).map((c) => [c.body, c.at, c.observers])).toEqual([
      ["Photo", at, ["A"]],
      ["Photo", later, ["A"]],
      ["Dates", at, ["A"]],
    ]);
  });

  it("folds the whole-application copy that earlier requests stored beside the observers' into the same entry", () => {
    const comments = [
      { at, body: "Fix it", observer: null },
      { at, body: "Fix it", observer: "A" },
    ];
    expect(groupComments(comments, (c) => c.observer).map((c) => c.observers)).toEqual([["A"]]);
  });
});
