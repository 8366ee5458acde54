import "server-only";
import { and, asc, desc, eq, gte, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { elections, missions, observers, organizations } from "@/db/schema";
import { byObserverName } from "@/lib/accreditation/observer-name";
import { observerRoles, type MissionType, type ObserverRole } from "@/lib/accreditation/vocabulary";
import { todayInAshgabat } from "@/lib/dates";

/**
 * What the public may know of accredited missions: published elections only, approved missions
 * with at least one accredited observer, and of those observers only their role and nationality,
 * plus their Latin names where the election publishes them. Never a passport, a birth date, a
 * photo or a contact. Instants are ISO strings: these results are kept in Next's data cache,
 * which stores JSON.
 */

type Titles = { tk: string; ru: string; en: string };

export type PublicElection = {
  id: string;
  code: string;
  type: (typeof elections.$inferSelect)["type"];
  titles: Titles;
  electionDay: string;
  accreditationOpensAt: string;
  accreditationClosesAt: string;
  observationStartsOn: string;
  observationEndsOn: string;
  publishObserverNames: boolean;
};

export type PublicMission = {
  id: string;
  organization: Titles;
  acronym: string;
  name: string;
  type: MissionType | null;
  /** The accredited head of mission, "Given names Surname", or null when none is accredited. */
  headOfMission: string | null;
  accredited: number;
  byRole: Partial<Record<ObserverRole, number>>;
  /** ISO 3166-1 alpha-2 codes of the accredited observers' nationalities, sorted. */
  countries: string[];
};

export type PublicObserver = { surname: string; givenNames: string; role: ObserverRole; nationality: string; missionId: string };

export type PublicTotals = { missions: number; observers: number; countries: number };

export type PublicRegister = {
  election: PublicElection;
  missions: PublicMission[];
  /** Null unless the election publishes observers' names. */
  observers: PublicObserver[] | null;
  totals: PublicTotals;
};

const electionColumns = {
  id: elections.id,
  code: elections.code,
  type: elections.type,
  titles: { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn },
  electionDay: elections.electionDay,
  accreditationOpensAt: elections.accreditationOpensAt,
  accreditationClosesAt: elections.accreditationClosesAt,
  observationStartsOn: elections.observationStartsOn,
  observationEndsOn: elections.observationEndsOn,
  publishObserverNames: elections.publishObserverNames,
};

function publicElectionOf(row: { accreditationOpensAt: Date; accreditationClosesAt: Date } & Omit<PublicElection, "accreditationOpensAt" | "accreditationClosesAt">): PublicElection {
  return { ...row, accreditationOpensAt: row.accreditationOpensAt.toISOString(), accreditationClosesAt: row.accreditationClosesAt.toISOString() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key of an election in a public URL: its code (any case, kept in capitals) or its id; null
 * for anything that cannot be either, so junk addresses never reach the database or the cache.
 */
export function electionKeyOf(unverified: string): string | null {
  if (UUID.test(unverified)) return unverified.toLowerCase();
  return /^[A-Za-z0-9-]{1,16}$/.test(unverified) ? unverified.toUpperCase() : null;
}

/** A published election by its key (electionKeyOf); null for anything else, drafts included. */
export async function findPublicElection(key: string): Promise<PublicElection | null> {
  const which = UUID.test(key) ? or(eq(elections.code, key.toUpperCase()), eq(elections.id, key)) : eq(elections.code, key);
  const [row] = await getDb()
    .select(electionColumns)
    .from(elections)
    .where(and(eq(elections.status, "published"), which))
    .limit(1);
  return row ? publicElectionOf(row) : null;
}

/** Published elections whose observation has not ended (Ashgabat's today), soonest first. */
export async function listCurrentElections(now = new Date()): Promise<PublicElection[]> {
  const rows = await getDb()
    .select(electionColumns)
    .from(elections)
    .where(and(eq(elections.status, "published"), gte(elections.observationEndsOn, todayInAshgabat(now))))
    .orderBy(asc(elections.electionDay), asc(elections.code));
  return rows.map(publicElectionOf);
}

/** Every published election, newest first: the list page and the sitemap. */
export async function listPublicElections(): Promise<PublicElection[]> {
  const rows = await getDb()
    .select(electionColumns)
    .from(elections)
    .where(eq(elections.status, "published"))
    .orderBy(desc(elections.electionDay), asc(elections.code));
  return rows.map(publicElectionOf);
}

const accredited = and(eq(missions.status, "approved"), eq(observers.status, "accredited"));

/** The register of one published election: its accredited missions and, if published, their observers. */
export async function buildPublicRegister(election: PublicElection): Promise<PublicRegister> {
  // Names are read only when the election publishes them: nothing else leaves this function.
  const rows = await getDb()
    .select({
      missionId: missions.id,
      missionName: missions.name,
      missionType: missions.type,
      organization: { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn },
      acronym: organizations.acronym,
      surname: observers.surname,
      givenNames: observers.givenNames,
      role: observers.role,
      nationality: observers.nationality,
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .where(and(eq(missions.electionId, election.id), accredited))
    .orderBy(asc(organizations.acronym), asc(missions.id), ...byObserverName);

  const byMission = new Map<string, PublicMission>();
  const countries = new Set<string>();
  for (const row of rows) {
    let mission = byMission.get(row.missionId);
    if (!mission) {
      mission = {
        id: row.missionId,
        organization: row.organization,
        acronym: row.acronym,
        name: row.missionName ?? row.acronym,
        type: row.missionType,
        headOfMission: null,
        accredited: 0,
        byRole: {},
        countries: [],
      };
      byMission.set(row.missionId, mission);
    }
    mission.accredited += 1;
    mission.byRole[row.role] = (mission.byRole[row.role] ?? 0) + 1;
    if (!mission.countries.includes(row.nationality)) mission.countries.push(row.nationality);
    if (row.role === "head_of_mission" && !mission.headOfMission) mission.headOfMission = `${row.givenNames} ${row.surname}`;
    countries.add(row.nationality);
  }
  const list = [...byMission.values()].map((m) => ({ ...m, countries: m.countries.sort() }));
  return {
    election,
    missions: list,
    observers: election.publishObserverNames
      ? rows.map((row) => ({ surname: row.surname, givenNames: row.givenNames, role: row.role, nationality: row.nationality, missionId: row.missionId }))
      : null,
    totals: { missions: list.length, observers: rows.length, countries: countries.size },
  };
}

/** Accredited missions, observers and countries across the elections that are current or upcoming. */
export async function currentTotals(now = new Date()): Promise<PublicTotals> {
  const [row] = await getDb()
    .select({
      missions: sql<number>`count(distinct ${missions.id})`.mapWith(Number),
      observers: sql<number>`count(*)`.mapWith(Number),
      countries: sql<number>`count(distinct ${observers.nationality})`.mapWith(Number),
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(elections.status, "published"), gte(elections.observationEndsOn, todayInAshgabat(now)), accredited));
  return row ?? { missions: 0, observers: 0, countries: 0 };
}

/** Roles in the vocabulary's order, those with accredited observers only. */
export function rolesOf(byRole: PublicMission["byRole"]) {
  return observerRoles.filter((role) => (byRole[role] ?? 0) > 0).map((role) => ({ role, count: byRole[role]! }));
}
