import { describe, expect, it } from "vitest";
import { groupByMission } from "./by-mission";
import type { PublicStatementSummary } from "./public";

const statement = (missionId: string, n: number) =>
  ({ id: `${missionId}-${n}`, missionId, missionName: `Mission ${missionId}`, acronym: `ORG-${missionId}`, organization: { tk: missionId, ru: missionId, en: missionId } }) as PublicStatementSummary;

describe("an election's statements by mission", () => {
  it("keeps the missions and their statements in order, each showing its first ones and counting all", () => {
    const statements = [...Array.from({ length: 12 }, (_, n) => statement("a", n)), statement("b", 0), statement("b", 1)];
    const missions = groupByMission(statements, 10);
    expect(missions.map((m) => [m.missionId, m.acronym, m.total])).toEqual([
      ["a", "ORG-a", 12],
      ["b", "ORG-b", 2],
    ]);
    expect(missions[0]!.shown.map((s) => s.id)).toEqual(Array.from({ length: 10 }, (_, n) => `a-${n}`));
    expect(missions[1]!.shown.map((s) => s.id)).toEqual(["b-0", "b-1"]);
  });

  it("has no missions without statements", () => {
    expect(groupByMission([])).toEqual([]);
  });
});
