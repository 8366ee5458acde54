import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "./index";
import {
  elections,
  meetingBookings,
  meetingOfficials,
  meetings,
  meetingWindows,
  missions,
  missionSubmissions,
  observers,
  statements,
  statementTexts,
  statementVersions,
} from "./schema";
import { decisionDueOn } from "@/lib/accreditation/decision-clock";
import { withNameSortKey } from "@/lib/accreditation/observer-name";
import type { MissionType, ObserverRole, Sex } from "@/lib/accreditation/vocabulary";
import { ashgabatInstant } from "@/lib/dates";
import { DECISION_NOTICE_MS } from "@/lib/meetings/time";
import { contentHash } from "@/lib/statements/canonical";
import type { StatementKind, StatementLanguage } from "@/lib/statements/vocabulary";

/**
 * The public record of past elections in the demo (DOMAIN.md): the CIS and OTS missions at the
 * presidential election of 12 March 2022 with their preliminary statements, and the OSCE/ODIHR
 * mission to the elections of 26 March 2023 with its needs-assessment meeting of 29 November 2022.
 * Rows are written as the app's own steps leave them (submission, decisions, publication), since
 * those steps refuse elections whose windows have closed. Names, passports and texts are invented.
 */

export type SeededIds = {
  elections: ReadonlyMap<string, string>;
  organizations: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  officials: ReadonlyMap<string, string>;
  rooms: ReadonlyMap<string, string>;
};

const REVIEWER = "reviewer@portal.example";

function idOf(ids: ReadonlyMap<string, string>, key: string) {
  const id = ids.get(key);
  if (!id) throw new Error(`The demo seed has no ${key}`);
  return id;
}

type DemoObserver = {
  surname: string;
  givenNames: string;
  cyrillicName?: string;
  sex: Sex;
  dateOfBirth: string;
  nationality: string;
  passportNumber: string;
  passportExpiresOn: string;
  role: ObserverRole;
  arrivalOn: string;
  departureOn: string;
};

type DemoMission = {
  election: string;
  organization: string;
  coordinator: string;
  name: string;
  type: MissionType;
  contactPerson: string;
  regions: string[];
  phone: string;
  workingLanguages: string[];
  plannedArrivalOn: string;
  plannedDepartureOn: string;
  /** Ashgabat wall-clock days and times of the submission and of the commission's decisions. */
  submitted: [day: string, time: string];
  decided: [day: string, time: string];
  observers: DemoObserver[];
};

const cisMission: DemoMission = {
  election: "PRES-2022",
  organization: "CIS EC",
  coordinator: "coordinator.cis@portal.example",
  name: "Миссия наблюдателей от Содружества Независимых Государств",
  type: "full_observation_mission",
  contactPerson: "Ivan Petrov",
  regions: ["ashgabat", "ahal", "mary", "lebap"],
  phone: "+375 17 222 35 17",
  workingLanguages: ["ru"],
  plannedArrivalOn: "2022-03-07",
  plannedDepartureOn: "2022-03-14",
  submitted: ["2022-02-14", "10:30"],
  decided: ["2022-02-17", "15:00"],
  observers: [
    { surname: "Sokolov", givenNames: "Andrei", cyrillicName: "Соколов Андрей", sex: "male", dateOfBirth: "1961-05-14", nationality: "RU", passportNumber: "758432190", passportExpiresOn: "2029-08-20", role: "head_of_mission", arrivalOn: "2022-03-07", departureOn: "2022-03-14" },
    { surname: "Kavalenka", givenNames: "Tatsiana", cyrillicName: "Коваленко Татьяна", sex: "female", dateOfBirth: "1974-09-02", nationality: "BY", passportNumber: "MP3456789", passportExpiresOn: "2028-04-11", role: "core_team", arrivalOn: "2022-03-07", departureOn: "2022-03-14" },
    { surname: "Nurlanov", givenNames: "Yerlan", cyrillicName: "Нурланов Ерлан", sex: "male", dateOfBirth: "1980-01-23", nationality: "KZ", passportNumber: "N12804567", passportExpiresOn: "2030-02-01", role: "short_term_observer", arrivalOn: "2022-03-09", departureOn: "2022-03-13" },
    { surname: "Abdyldaeva", givenNames: "Aizada", cyrillicName: "Абдылдаева Айзада", sex: "female", dateOfBirth: "1986-07-11", nationality: "KG", passportNumber: "AC2345678", passportExpiresOn: "2027-11-30", role: "short_term_observer", arrivalOn: "2022-03-09", departureOn: "2022-03-13" },
    { surname: "Rahimov", givenNames: "Farhod", cyrillicName: "Рахимов Фарход", sex: "male", dateOfBirth: "1978-12-05", nationality: "TJ", passportNumber: "401234567", passportExpiresOn: "2026-10-15", role: "short_term_observer", arrivalOn: "2022-03-09", departureOn: "2022-03-13" },
  ],
};

const otsMission: DemoMission = {
  election: "PRES-2022",
  organization: "OTS",
  coordinator: "coordinator.ots@portal.example",
  name: "OTS Election Observation Mission",
  type: "limited_observation_mission",
  contactPerson: "Aylin Demir",
  regions: ["ashgabat", "ahal", "balkan"],
  phone: "+90 212 245 77 00",
  workingLanguages: ["en", "tr", "ru"],
  plannedArrivalOn: "2022-03-08",
  plannedDepartureOn: "2022-03-14",
  submitted: ["2022-02-21", "11:00"],
  decided: ["2022-02-24", "16:00"],
  observers: [
    { surname: "Yıldırım", givenNames: "Mehmet Ali", sex: "male", dateOfBirth: "1965-03-30", nationality: "TR", passportNumber: "U12345678", passportExpiresOn: "2031-06-17", role: "head_of_mission", arrivalOn: "2022-03-08", departureOn: "2022-03-14" },
    { surname: "Mammadov", givenNames: "Rashad", sex: "male", dateOfBirth: "1982-10-08", nationality: "AZ", passportNumber: "C01234567", passportExpiresOn: "2029-01-25", role: "core_team", arrivalOn: "2022-03-08", departureOn: "2022-03-14" },
    { surname: "Tursunova", givenNames: "Malika", cyrillicName: "Турсунова Малика", sex: "female", dateOfBirth: "1989-04-19", nationality: "UZ", passportNumber: "FA1234567", passportExpiresOn: "2030-09-03", role: "short_term_observer", arrivalOn: "2022-03-10", departureOn: "2022-03-13" },
    { surname: "Zhaksylykov", givenNames: "Daniyar", cyrillicName: "Жаксылыков Данияр", sex: "male", dateOfBirth: "1984-06-27", nationality: "KZ", passportNumber: "N09876543", passportExpiresOn: "2028-12-12", role: "short_term_observer", arrivalOn: "2022-03-10", departureOn: "2022-03-13" },
  ],
};

const odihrMission: DemoMission = {
  election: "MEJ-2023",
  organization: "OSCE/ODIHR",
  coordinator: "coordinator.odihr@portal.example",
  name: "ODIHR Limited Election Observation Mission",
  type: "limited_observation_mission",
  contactPerson: "Anna Kowalska",
  regions: ["ashgabat", "ahal", "balkan", "dashoguz", "lebap", "mary"],
  phone: "+48 22 520 06 00",
  workingLanguages: ["en", "ru"],
  plannedArrivalOn: "2023-02-20",
  plannedDepartureOn: "2023-03-31",
  submitted: ["2023-02-01", "12:00"],
  decided: ["2023-02-06", "14:30"],
  observers: [
    { surname: "Lindqvist", givenNames: "Eva Maria", sex: "female", dateOfBirth: "1966-08-09", nationality: "SE", passportNumber: "91234567", passportExpiresOn: "2030-05-21", role: "head_of_mission", arrivalOn: "2023-02-20", departureOn: "2023-03-31" },
    { surname: "Brennan", givenNames: "Ciarán", sex: "male", dateOfBirth: "1979-02-14", nationality: "IE", passportNumber: "PA1234567", passportExpiresOn: "2029-07-07", role: "core_team", arrivalOn: "2023-02-20", departureOn: "2023-03-31" },
    { surname: "Moreau", givenNames: "Julien", sex: "male", dateOfBirth: "1983-11-30", nationality: "FR", passportNumber: "19AB12345", passportExpiresOn: "2029-03-02", role: "long_term_observer", arrivalOn: "2023-02-27", departureOn: "2023-03-30" },
    { surname: "Horváth", givenNames: "Katalin", sex: "female", dateOfBirth: "1975-01-17", nationality: "HU", passportNumber: "BE1234567", passportExpiresOn: "2031-10-10", role: "long_term_observer", arrivalOn: "2023-02-27", departureOn: "2023-03-30" },
  ],
};

/**
 * The approved application, its first (and only) submission and its accredited observers, numbered
 * from the election's sequence in name order as one accreditation batch numbers them.
 */
async function insertApprovedMission(tx: Transaction, ids: SeededIds, demo: DemoMission) {
  const coordinatorId = idOf(ids.users, demo.coordinator);
  const reviewerId = idOf(ids.users, REVIEWER);
  const electionId = idOf(ids.elections, demo.election);
  const submittedAt = ashgabatInstant(...demo.submitted);
  const decidedAt = ashgabatInstant(...demo.decided);
  const [election] = await tx
    .select({ sequence: elections.accreditationSequence, decisionWorkingDays: elections.decisionWorkingDays })
    .from(elections)
    .where(eq(elections.id, electionId));
  const dueOn = decisionDueOn(submittedAt, election!.decisionWorkingDays);
  const details = {
    name: demo.name,
    type: demo.type,
    plannedArrivalOn: demo.plannedArrivalOn,
    plannedDepartureOn: demo.plannedDepartureOn,
    regions: demo.regions,
    contactPerson: demo.contactPerson,
    phone: demo.phone,
    email: demo.coordinator,
    workingLanguages: demo.workingLanguages,
  };
  const [mission] = await tx
    .insert(missions)
    .values({
      ...details,
      organizationId: idOf(ids.organizations, demo.organization),
      electionId,
      status: "approved",
      submittedAt,
      decisionDueOn: dueOn,
      decidedAt,
      // Created, submitted, observers accredited, approved.
      version: 4,
      createdBy: coordinatorId,
      createdAt: submittedAt,
      updatedAt: decidedAt,
    })
    .returning({ id: missions.id });
  const missionId = mission!.id;

  const sortKey = (o: DemoObserver) => withNameSortKey(o).nameSortKey;
  const byName = [...demo.observers].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const rows = await tx
    .insert(observers)
    .values(
      byName.map((o, index) => ({
        ...withNameSortKey(o),
        cyrillicName: o.cyrillicName ?? null,
        missionId,
        status: "accredited" as const,
        accreditationNumber: `${demo.election}-${String(election!.sequence + index + 1).padStart(4, "0")}`,
        decidedAt,
        decidedBy: reviewerId,
        version: 2,
        createdAt: submittedAt,
        updatedAt: decidedAt,
      })),
    )
    .returning({ id: observers.id, passportNumber: observers.passportNumber });
  await tx
    .update(elections)
    .set({ accreditationSequence: election!.sequence + rows.length })
    .where(eq(elections.id, electionId));

  const idOfPassport = new Map(rows.map((r) => [r.passportNumber, r.id]));
  await tx.insert(missionSubmissions).values({
    missionId,
    number: 1,
    submittedAt,
    submittedBy: coordinatorId,
    decisionDueOn: dueOn,
    observerCount: rows.length,
    snapshot: {
      details: { ...details, letterFileId: null },
      observers: byName.map((o) => ({ id: idOfPassport.get(o.passportNumber), hasPhoto: false, ...o, cyrillicName: o.cyrillicName ?? null, email: null })),
    },
  });
  return missionId;
}

type DemoStatement = {
  kind: StatementKind;
  language: StatementLanguage;
  title: string;
  body: string;
  /** Ashgabat wall-clock times: the day after election day, as preliminary statements are. */
  submitted: [day: string, time: string];
  published: [day: string, time: string];
};

const cisStatement: DemoStatement = {
  kind: "preliminary",
  language: "ru",
  title: "Предварительное заявление Миссии наблюдателей от СНГ по итогам наблюдения за выборами Президента Туркменистана 12 марта 2022 года",
  body: [
    "Миссия наблюдателей от Содружества Независимых Государств работала в Туркменистане по приглашению Центральной комиссии по проведению выборов и референдумов в Туркменистане.",
    "В день голосования наблюдатели Миссии посетили избирательные участки в Ашхабаде, Ахалском, Марыйском и Лебапском велаятах. Участки открылись в 07:00 и закрылись в 19:00 по местному времени.",
    "Миссия отмечает, что наблюдателям был обеспечен доступ на избирательные участки, к членам участковых комиссий и к документам, предусмотренным законодательством.",
    "Окончательные выводы Миссия изложит в итоговом заявлении после подведения итогов выборов.",
  ].join("\n\n"),
  submitted: ["2022-03-13", "10:00"],
  published: ["2022-03-13", "12:00"],
};

const otsStatement: DemoStatement = {
  kind: "preliminary",
  language: "en",
  title: "Preliminary statement of the OTS Election Observation Mission on the presidential election in Turkmenistan, 12 March 2022",
  body: [
    "The Election Observation Mission of the Organization of Turkic States observed the presidential election of 12 March 2022 at the invitation of the Central Commission for Elections and Referendums in Turkmenistan.",
    "On election day, the mission's observers visited polling stations in Aşgabat and in the Ahal and Balkan welaýats, from the opening of the polls at 07:00 to the count after 19:00.",
    "The mission thanks the commission for the accreditation of its observers and for the information provided on the election procedures.",
    "This statement is preliminary. The mission will publish its final conclusions once the official results are announced.",
  ].join("\n\n"),
  submitted: ["2022-03-13", "11:00"],
  published: ["2022-03-13", "14:00"],
};

/**
 * A statement of one version, published: submitted first, its words written, then published with
 * the SHA-256 of its canonical content, as lib/statements/publishing.ts does (a published version's
 * words can no longer be written).
 */
async function insertPublishedStatement(tx: Transaction, ids: SeededIds, missionId: string, coordinator: string, demo: DemoStatement) {
  const submittedAt = ashgabatInstant(...demo.submitted);
  const publishedAt = ashgabatInstant(...demo.published);
  const coordinatorId = idOf(ids.users, coordinator);
  const [statement] = await tx
    .insert(statements)
    .values({ missionId, kind: demo.kind, firstPublishedAt: publishedAt, createdBy: coordinatorId, createdAt: submittedAt })
    .returning({ id: statements.id });
  const [version] = await tx
    .insert(statementVersions)
    .values({
      statementId: statement!.id,
      number: 1,
      status: "submitted",
      originalLanguage: demo.language,
      submittedAt,
      submittedBy: coordinatorId,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    })
    .returning({ id: statementVersions.id });
  const original = { language: demo.language, isOriginal: true, title: demo.title, body: demo.body };
  await tx.insert(statementTexts).values({ versionId: version!.id, ...original });
  const sha256 = contentHash({
    statementId: statement!.id,
    number: 1,
    kind: demo.kind,
    originalLanguage: demo.language,
    otherLanguageName: null,
    texts: [original],
    attachments: [],
  });
  await tx
    .update(statementVersions)
    .set({ status: "published", publishedAt, publishedBy: idOf(ids.users, REVIEWER), sha256, updatedAt: publishedAt })
    .where(eq(statementVersions.id, version!.id));
}

const needsAssessmentMeeting = {
  topic: "Needs assessment ahead of the elections of 26 March 2023",
  agenda: [
    "Preparations for the elections and the election calendar",
    "The legal framework and recent amendments",
    "Accreditation of international observers",
  ].join("\n"),
  delegationSize: 3,
  interpreterLanguage: "ru" as const,
  durationMinutes: 60,
  requestedOn: ["2022-11-14", "10:00"] as [string, string],
  /** The mission's preferred times; the commission confirmed the first. */
  windows: [["2022-11-29", "11:00"], ["2022-11-30", "10:00"]] as [string, string][],
  requestedOfficials: ["Batyr Orazov"],
  assignedOfficials: ["Batyr Orazov", "Dovlet Hojayev"],
  room: "Small meeting room",
  participants: "Commission: the Chairman; the Head of the International Relations Department. ODIHR: the three members of the needs-assessment mission.",
  summaryPublishedOn: ["2022-11-30", "10:00"] as [string, string],
  summary: {
    tk: "2022-nji ýylyň 29-njy noýabrynda Türkmenistanda saýlawlary we sala salşyklary geçirmek boýunça Merkezi toparyň başlygy 2023-nji ýylyň 26-njy martynda geçiriljek saýlawlaryň öňüsyrasynda zerurlyklara baha bermek maksady bilen Aşgabatda bolan ÝHHG-niň Demokratik institutlar we adam hukuklary boýunça edarasynyň wekiliýeti bilen duşuşdy. Taraplar saýlawlara taýýarlyk işlerini, kanunçylyk binýadyny we halkara synçylaryň akkreditasiýasyny ara alyp maslahatlaşdylar. Merkezi topar wekiliýete saýlawlaryň senenamasy we halkara synçylary çagyrmagyň tertibi barada maglumat berdi.",
    ru: "29 ноября 2022 года Председатель Центральной комиссии по проведению выборов и референдумов в Туркменистане встретился с делегацией Бюро ОБСЕ по демократическим институтам и правам человека, находившейся в Ашхабаде с миссией по оценке потребностей в преддверии выборов 26 марта 2023 года. Стороны обсудили подготовку к выборам, законодательную базу и аккредитацию международных наблюдателей. Комиссия ознакомила делегацию с календарём выборов и порядком приглашения международных наблюдателей.",
    en: "On 29 November 2022 the Chairman of the Central Commission for Elections and Referendums in Turkmenistan met a delegation of the OSCE Office for Democratic Institutions and Human Rights, in Ashgabat on a needs-assessment mission ahead of the elections of 26 March 2023. The sides discussed the preparations for the elections, the legal framework and the accreditation of international observers. The commission informed the delegation of the election calendar and of the procedure for inviting international observers.",
  },
};

/**
 * The needs-assessment meeting, held, with its summary published. It predates the elections'
 * accreditation window: the portal would not take such a request today, but the record keeps it
 * with the mission it prepared, as the commission's site does.
 */
async function insertHeldMeeting(tx: Transaction, ids: SeededIds, missionId: string, coordinator: string) {
  const demo = needsAssessmentMeeting;
  const minutes = demo.durationMinutes * 60_000;
  const windows = demo.windows.map(([day, time]) => {
    const startsAt = ashgabatInstant(day, time);
    return { startsAt, endsAt: new Date(startsAt.getTime() + minutes) };
  });
  const slot = windows[0]!;
  const requestedAt = ashgabatInstant(...demo.requestedOn);
  const summaryPublishedAt = ashgabatInstant(...demo.summaryPublishedOn);
  const [meeting] = await tx
    .insert(meetings)
    .values({
      missionId,
      status: "held",
      topic: demo.topic,
      agenda: demo.agenda,
      delegationSize: demo.delegationSize,
      interpreterLanguage: demo.interpreterLanguage,
      durationMinutes: demo.durationMinutes,
      ...slot,
      roomId: idOf(ids.rooms, demo.room),
      expiresAt: new Date(slot.startsAt.getTime() - DECISION_NOTICE_MS),
      // Confirmed once (one calendar change sent); requested, confirmed, held, summary published.
      sequence: 1,
      version: 4,
      participants: demo.participants,
      summaryTk: demo.summary.tk,
      summaryRu: demo.summary.ru,
      summaryEn: demo.summary.en,
      summaryPublishedAt,
      requestedBy: idOf(ids.users, coordinator),
      scheduledBy: idOf(ids.users, REVIEWER),
      createdAt: requestedAt,
      updatedAt: summaryPublishedAt,
    })
    .returning({ id: meetings.id });
  const meetingId = meeting!.id;
  await tx.insert(meetingWindows).values(windows.map((w) => ({ meetingId, kind: "preferred" as const, ...w, createdAt: requestedAt })));
  const officialIds = (names: string[]) => names.map((name) => idOf(ids.officials, name));
  await tx.insert(meetingOfficials).values([
    ...officialIds(demo.requestedOfficials).map((officialId) => ({ meetingId, officialId, role: "requested" as const })),
    ...officialIds(demo.assignedOfficials).map((officialId) => ({ meetingId, officialId, role: "assigned" as const })),
  ]);
  // The confirmed slot keeps the room and the officials it took, as a held meeting's bookings do.
  await tx.insert(meetingBookings).values([
    { meetingId, roomId: idOf(ids.rooms, demo.room), ...slot },
    ...officialIds(demo.assignedOfficials).map((officialId) => ({ meetingId, officialId, ...slot })),
  ]);
}

/** Writes the demo's public record; called once, inside the seed's transaction. */
export async function seedPublicRecord(tx: Transaction, ids: SeededIds) {
  const cis = await insertApprovedMission(tx, ids, cisMission);
  const ots = await insertApprovedMission(tx, ids, otsMission);
  const odihr = await insertApprovedMission(tx, ids, odihrMission);
  await insertPublishedStatement(tx, ids, cis, cisMission.coordinator, cisStatement);
  await insertPublishedStatement(tx, ids, ots, otsMission.coordinator, otsStatement);
  await insertHeldMeeting(tx, ids, odihr, odihrMission.coordinator);
}
