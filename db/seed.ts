import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "./index";
import { elections, meetingRooms, officials, organizations, users } from "./schema";
import { hashPassword } from "@/lib/identity/password";
import { sealSecret } from "@/lib/identity/secret-box";
import { addDays, ashgabatInstant, todayInAshgabat } from "@/lib/dates";
import { seedPublicRecord } from "./seed-public-record";

/** Shared by every demo account; listed in the README. Never used outside the demo. */
export const DEMO_PASSWORD = "Observe-2026-demo";

/** Authenticator secrets of the demo staff, so a demo works with any TOTP app (README). */
export const DEMO_TOTP_SECRETS = {
  "admin@portal.example": "CNVQVQKKMLCP3TCL2BXIQJYCMRUPAE7I",
  "reviewer@portal.example": "UGIT7ETJRWBXZGMPEKQVU5NMSUETRFFU",
} as const;

export type DemoAccount = { email: string; role: string; organization?: string; totpSecret?: string };

const seedOrganizations = [
  {
    acronym: "OSCE/ODIHR",
    cyrillicAcronym: "ОБСЕ/БДИПЧ",
    nameEn: "OSCE Office for Democratic Institutions and Human Rights",
    nameRu: "Бюро ОБСЕ по демократическим институтам и правам человека",
    nameTk: "ÝHHG-niň Demokratik institutlar we adam hukuklary boýunça edarasy",
    kind: "intergovernmental",
    seatCountry: "PL",
    website: "https://www.osce.org/odihr",
    coordinatorEmail: "coordinator.odihr@portal.example",
    coordinatorName: "Anna Kowalska",
  },
  {
    acronym: "CIS EC",
    cyrillicAcronym: "ИК СНГ",
    nameEn: "Executive Committee of the Commonwealth of Independent States",
    nameRu: "Исполнительный комитет Содружества Независимых Государств",
    nameTk: "Garaşsyz Döwletleriň Arkalaşygynyň Ýerine ýetiriji komiteti",
    kind: "intergovernmental",
    seatCountry: "BY",
    website: "https://cis.minsk.by",
    coordinatorEmail: "coordinator.cis@portal.example",
    coordinatorName: "Ivan Petrov",
  },
  {
    acronym: "OTS",
    cyrillicAcronym: "ОТГ",
    nameEn: "Organization of Turkic States",
    nameRu: "Организация тюркских государств",
    nameTk: "Türki döwletleriň guramasy",
    kind: "intergovernmental",
    seatCountry: "TR",
    website: "https://www.turkicstates.org",
    coordinatorEmail: "coordinator.ots@portal.example",
    coordinatorName: "Aylin Demir",
  },
  {
    acronym: "SCO",
    cyrillicAcronym: "ШОС",
    nameEn: "Secretariat of the Shanghai Cooperation Organisation",
    nameRu: "Секретариат Шанхайской организации сотрудничества",
    nameTk: "Şanhaý hyzmatdaşlyk guramasynyň Sekretariaty",
    kind: "intergovernmental",
    seatCountry: "CN",
    website: "https://eng.sectsco.org",
    coordinatorEmail: "coordinator.sco@portal.example",
    coordinatorName: "Li Wei",
  },
  {
    acronym: "CEC UZ",
    cyrillicAcronym: "ЦИК РУз",
    nameEn: "Central Election Commission of the Republic of Uzbekistan",
    nameRu: "Центральная избирательная комиссия Республики Узбекистан",
    nameTk: "Özbegistan Respublikasynyň Merkezi saýlaw komissiýasy",
    kind: "foreign_election_body",
    seatCountry: "UZ",
    website: "https://saylov.uz",
    coordinatorEmail: "coordinator.uzcec@portal.example",
    coordinatorName: "Dilnoza Karimova",
  },
] as const;

// Long-term observers deploy six to eight weeks before election day: observation opens eight weeks ahead.
const LONG_TERM_DEPLOYMENT_DAYS = 56;

function pastElections() {
  const window = (day: string) => ({
    electionDay: day,
    accreditationOpensAt: ashgabatInstant(addDays(day, -60), "09:00"),
    accreditationClosesAt: ashgabatInstant(addDays(day, -10), "18:00"),
    observationStartsOn: addDays(day, -LONG_TERM_DEPLOYMENT_DAYS),
    observationEndsOn: addDays(day, 7),
  });
  return [
    {
      code: "PRES-2022",
      type: "presidential" as const,
      titleTk: "Türkmenistanyň Prezidentiniň saýlawy",
      titleRu: "Выборы Президента Туркменистана",
      titleEn: "Presidential election of Turkmenistan",
      ...window("2022-03-12"),
    },
    {
      code: "MEJ-2023",
      type: "parliamentary" as const,
      titleTk: "Türkmenistanyň Mejlisiniň deputatlarynyň, welaýat, etrap we şäher halk maslahatlarynyň we Geňeşleriň agzalarynyň saýlawlary",
      titleRu: "Выборы депутатов Меджлиса Туркменистана, членов велаятских, этрапских и городских халк маслахатов и Генгешей",
      titleEn: "Elections of deputies of the Mejlis of Turkmenistan, members of the welaýat, etrap and city halk maslahatys and of the Geňeşes",
      ...window("2023-03-26"),
    },
    {
      code: "MEJ-2024",
      type: "early" as const,
      titleTk: "Türkmenistanyň Mejlisiniň deputatlarynyň möhletinden öň saýlawlary",
      titleRu: "Досрочные выборы депутатов Меджлиса Туркменистана",
      titleEn: "Early elections of deputies of the Mejlis of Turkmenistan",
      ...window("2024-07-07"),
    },
  ];
}

/** An election about two months ahead whose accreditation window is open on the day of seeding. */
function upcomingElection(today: string) {
  const day = addDays(today, 60);
  return {
    code: `LOC-${day.slice(0, 4)}`,
    type: "local_council" as const,
    titleTk: "Welaýat, etrap we şäher halk maslahatlarynyň agzalarynyň saýlawy",
    titleRu: "Выборы членов велаятских, этрапских и городских халк маслахатов",
    titleEn: "Elections of members of the welaýat, etrap and city halk maslahatys",
    electionDay: day,
    accreditationOpensAt: ashgabatInstant(addDays(today, -14), "09:00"),
    accreditationClosesAt: ashgabatInstant(addDays(day, -10), "18:00"),
    observationStartsOn: addDays(day, -LONG_TERM_DEPLOYMENT_DAYS),
    observationEndsOn: addDays(day, 7),
  };
}

/** Officials missions may ask to meet (invented names; the positions are the commission's). */
const seedOfficials = [
  {
    nameTk: "Batyr Orazow", nameRu: "Батыр Оразов", nameEn: "Batyr Orazov",
    positionTk: "Türkmenistanda saýlawlary we sala salşyklary geçirmek boýunça Merkezi toparyň başlygy",
    positionRu: "Председатель Центральной комиссии по проведению выборов и референдумов в Туркменистане",
    positionEn: "Chairman of the Central Commission for Elections and Referendums in Turkmenistan",
  },
  {
    nameTk: "Jeren Amanowa", nameRu: "Джерен Аманова", nameEn: "Jeren Amanova",
    positionTk: "Türkmenistanda saýlawlary we sala salşyklary geçirmek boýunça Merkezi toparyň sekretary",
    positionRu: "Секретарь Центральной комиссии по проведению выборов и референдумов в Туркменистане",
    positionEn: "Secretary of the Central Commission for Elections and Referendums in Turkmenistan",
  },
  {
    nameTk: "Döwlet Hojaýew", nameRu: "Довлет Ходжаев", nameEn: "Dovlet Hojayev",
    positionTk: "Halkara gatnaşyklar bölüminiň müdiri", positionRu: "Начальник отдела международных связей", positionEn: "Head of the International Relations Department",
  },
];

const seedRooms = [
  { nameTk: "Uly maslahat zaly", nameRu: "Большой зал заседаний", nameEn: "Main conference hall", capacity: 40 },
  { nameTk: "Kiçi duşuşyk otagy", nameRu: "Малая переговорная", nameEn: "Small meeting room", capacity: 10 },
];

/**
 * Demo data from public facts. Seeds only an empty database (no organizations yet) and
 * returns the accounts it created, or null when there was something already.
 */
export async function seedDemoData(db: Database, now = new Date()): Promise<DemoAccount[] | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Serialize concurrent seeders (several processes starting on one PostgreSQL).
    await tx.execute(sql`lock table ${organizations} in exclusive mode`);
    const [existing] = await tx.select({ count: sql<number>`count(*)::int` }).from(organizations);
    if (existing && existing.count > 0) return null;

    const published = { status: "published" as const, publishedAt: now };
    const seededElections = await tx
      .insert(elections)
      .values([...pastElections(), upcomingElection(todayInAshgabat(now))].map((e) => ({ ...e, ...published })))
      .returning({ id: elections.id, code: elections.code });

    const orgs = await tx
      .insert(organizations)
      .values(
        seedOrganizations.map((o) => ({
          acronym: o.acronym,
          cyrillicAcronym: o.cyrillicAcronym,
          nameEn: o.nameEn,
          nameRu: o.nameRu,
          nameTk: o.nameTk,
          kind: o.kind,
          seatCountry: o.seatCountry,
          website: o.website,
        })),
      )
      .returning({ id: organizations.id, acronym: organizations.acronym });
    const orgId = new Map(orgs.map((o) => [o.acronym, o.id]));

    const accounts = [
      { email: "admin@portal.example", name: "Aýna Annaýewa", role: "admin" as const, preferredLocale: "tk" as const },
      { email: "reviewer@portal.example", name: "Merdan Berdiýew", role: "reviewer" as const, preferredLocale: "tk" as const },
      ...seedOrganizations.map((o) => ({
        email: o.coordinatorEmail,
        name: o.coordinatorName,
        role: "coordinator" as const,
        organizationId: orgId.get(o.acronym),
        preferredLocale: o.seatCountry === "BY" ? ("ru" as const) : ("en" as const),
      })),
    ];
    const seededOfficials = await tx.insert(officials).values(seedOfficials).returning({ id: officials.id, name: officials.nameEn });
    const seededRooms = await tx.insert(meetingRooms).values(seedRooms).returning({ id: meetingRooms.id, name: meetingRooms.nameEn });
    const totpOf = (email: string) => DEMO_TOTP_SECRETS[email as keyof typeof DEMO_TOTP_SECRETS];
    const seededUsers = await tx
      .insert(users)
      .values(
        accounts.map((a) => {
          const totp = totpOf(a.email);
          return { ...a, passwordHash, ...(totp ? { totpSecretEncrypted: sealSecret(totp), totpEnabledAt: now } : {}) };
        }),
      )
      .returning({ id: users.id, email: users.email });
    await seedPublicRecord(tx, {
      elections: new Map(seededElections.map((e) => [e.code, e.id])),
      organizations: orgId,
      users: new Map(seededUsers.map((u) => [u.email, u.id])),
      officials: new Map(seededOfficials.map((o) => [o.name, o.id])),
      rooms: new Map(seededRooms.map((r) => [r.name, r.id])),
    });
    return accounts.map((a) => ({
      email: a.email,
      role: a.role,
      totpSecret: totpOf(a.email),
      organization: "organizationId" in a ? seedOrganizations.find((o) => o.coordinatorEmail === a.email)?.acronym : undefined,
    }));
  });
}
