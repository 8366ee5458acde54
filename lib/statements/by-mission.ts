import type { PublicStatementSummary } from "./public";

/** How many of a mission's statements an election's page lists; the rest are one link away. */
export const STATEMENTS_PER_MISSION = 10;

export type MissionStatements = { missionId: string; missionName: string; acronym: string; organization: PublicStatementSummary["organization"]; shown: PublicStatementSummary[]; total: number };

/**
 * Statements (in their natural order, mission after mission) grouped by mission, each showing
 * its first `perMission`: a mission's needs assessment, interim, preliminary and final reports
 * come first, and a mission with hundreds of press releases cannot make the page unreadable.
 */
export function groupByMission(statements: PublicStatementSummary[], perMission = STATEMENTS_PER_MISSION): MissionStatements[] {
  const missions = new Map<string, MissionStatements>();
  for (const s of statements) {
    let mission = missions.get(s.missionId);
    if (!mission) {
      mission = { missionId: s.missionId, missionName: s.missionName, acronym: s.acronym, organization: s.organization, shown: [], total: 0 };
      missions.set(s.missionId, mission);
    }
    mission.total += 1;
    if (mission.shown.length < perMission) mission.shown.push(s);
  }
  return [...missions.values()];
}
