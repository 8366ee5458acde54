/**
 * The data of bench/review.bench.ts, written straight through Drizzle into the database that
 * DATA_DIR or DATABASE_URL names: migrations, the demo data, then 200 organizations, each with a
 * coordinator and a submitted application (details, request letter, one submission in the
 * history) to the seeded upcoming election, 50 observers each (10,000, with photos), and 20
 * reviewers with known authenticator keys; then VACUUM ANALYZE. SEED_DRAFTS=N (the load test's)
 * leaves the first N applications complete but unsent, for their coordinators to submit. Deterministic (a seeded
 * generator) apart from ids and keys. Run by the bench in a process of its own, with the
 * react-server condition:
 *   node --conditions=react-server --import tsx bench/review-seed.ts
 * It prints one JSON line: the reviewers' emails and keys, the missions' and observers' ids, and
 * the drafts with their coordinators and details.
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { Secret } from "otpauth";
import sharp from "sharp";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { elections, files, missions, missionSubmissions, observers, organizations, users } from "@/db/schema";
import { addWorkingDays } from "@/lib/accreditation/decision-clock";
import { withNameSortKey } from "@/lib/accreditation/observer-name";
import { deploymentRegions, type MissionType, type ObserverRole } from "@/lib/accreditation/vocabulary";
import { writeAuditEvent } from "@/lib/audit/record";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { hashPassword } from "@/lib/identity/password";
import { sealSecret } from "@/lib/identity/secret-box";

export const MISSIONS = 200;
export const OBSERVERS_PER_MISSION = 50;
export const REVIEWERS = 20;
const DRAFTS = Number(process.env.SEED_DRAFTS ?? 0);
const BATCH = 500;

/** mulberry32: the same data on every run. */
let state = 20_260_501;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

// Forty countries (not the host), five kinds of organization from each.
const countries = "DE FR IT ES PL CZ SK HU RO BG GR PT NL BE AT CH SE NO FI DK IE GB US CA JP KR CN IN TR AZ KZ KG TJ UZ RU BY UA GE AM MN".split(" ");

type Kind = (typeof organizations.$inferInsert)["kind"];
const organizationKinds: { kind: Kind; acronym: string; missionType: MissionType; en: (c: string) => string; ru: (c: string) => string; tk: (c: string) => string }[] = [
  { kind: "foreign_election_body", acronym: "CEC", missionType: "expert_team", en: (c) => `Central Election Commission of ${c}`, ru: (c) => `Центральная избирательная комиссия — ${c}`, tk: (c) => `${c}: Merkezi saýlaw komissiýasy` },
  { kind: "parliamentary_assembly", acronym: "PD", missionType: "parliamentary_delegation", en: (c) => `Parliamentary Delegation of ${c}`, ru: (c) => `Парламентская делегация — ${c}`, tk: (c) => `${c}: Parlament wekiliýeti` },
  { kind: "international_ngo", acronym: "EMN", missionType: "limited_observation_mission", en: (c) => `${c} Election Monitoring Network`, ru: (c) => `Сеть наблюдения за выборами — ${c}`, tk: (c) => `${c}: Saýlawlary synlamak tory` },
  { kind: "foreign_government", acronym: "MFA", missionType: "election_assessment_mission", en: (c) => `Ministry of Foreign Affairs of ${c}`, ru: (c) => `Министерство иностранных дел — ${c}`, tk: (c) => `${c}: Daşary işler ministrligi` },
  { kind: "international_ngo", acronym: "IDE", missionType: "full_observation_mission", en: (c) => `Institute for Democracy and Elections, ${c}`, ru: (c) => `Институт демократии и выборов — ${c}`, tk: (c) => `${c}: Demokratiýa we saýlawlar instituty` },
];

/** Names as passports print them; the Cyrillic spelling where the country writes in Cyrillic. */
type Person = { surname: string; givenNames: string; cyrillicName?: string; sex: "female" | "male" };
type NamePool = { male: string[]; female: string[]; surnames: (string | [string, string])[]; cyrillic?: { male: string[]; female: string[]; surnames: (string | [string, string])[] } };

const pools: Record<string, NamePool> = {
  eastSlavic: {
    male: ["Ivan", "Dmitry", "Sergei", "Alexei", "Mikhail", "Andrei", "Nikolai", "Pavel"],
    female: ["Anna", "Elena", "Olga", "Natalia", "Irina", "Tatiana", "Maria", "Svetlana"],
    surnames: [["Ivanov", "Ivanova"], ["Petrov", "Petrova"], ["Smirnov", "Smirnova"], ["Kuznetsov", "Kuznetsova"], ["Volkov", "Volkova"], ["Sokolov", "Sokolova"], ["Morozov", "Morozova"], ["Lebedev", "Lebedeva"]],
    cyrillic: {
      male: ["Иван", "Дмитрий", "Сергей", "Алексей", "Михаил", "Андрей", "Николай", "Павел"],
      female: ["Анна", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Мария", "Светлана"],
      surnames: [["Иванов", "Иванова"], ["Петров", "Петрова"], ["Смирнов", "Смирнова"], ["Кузнецов", "Кузнецова"], ["Волков", "Волкова"], ["Соколов", "Соколова"], ["Морозов", "Морозова"], ["Лебедев", "Лебедева"]],
    },
  },
  centralAsian: {
    male: ["Nurlan", "Azamat", "Rustam", "Bakhtiyar", "Timur", "Erlan", "Farrukh", "Daniyar"],
    female: ["Aigerim", "Dinara", "Gulnara", "Madina", "Zarina", "Aizhan", "Nodira", "Saule"],
    surnames: [["Abdullayev", "Abdullayeva"], ["Nazarbekov", "Nazarbekova"], ["Karimov", "Karimova"], ["Rakhimov", "Rakhimova"], ["Saidov", "Saidova"], ["Tokayev", "Tokayeva"], ["Yusupov", "Yusupova"], ["Akhmetov", "Akhmetova"]],
    cyrillic: {
      male: ["Нурлан", "Азамат", "Рустам", "Бахтияр", "Тимур", "Ерлан", "Фаррух", "Данияр"],
      female: ["Айгерим", "Динара", "Гульнара", "Мадина", "Зарина", "Айжан", "Нодира", "Сауле"],
      surnames: [["Абдуллаев", "Абдуллаева"], ["Назарбеков", "Назарбекова"], ["Каримов", "Каримова"], ["Рахимов", "Рахимова"], ["Саидов", "Саидова"], ["Токаев", "Токаева"], ["Юсупов", "Юсупова"], ["Ахметов", "Ахметова"]],
    },
  },
  turkic: {
    male: ["Mehmet", "Emre", "Murat", "Elvin", "Rashad", "Burak", "Orhan", "Kamran"],
    female: ["Ayşe", "Zeynep", "Elif", "Leyla", "Günel", "Aynur", "Selin", "Nigar"],
    surnames: ["Yılmaz", "Kaya", "Demir", "Şahin", "Aliyev", "Mammadov", "Hasanov", "Öztürk", "Çelik", "Quliyev"],
  },
  german: {
    male: ["Jonas", "Lukas", "Matthias", "Stefan", "Pieter", "Jan", "Thomas", "Florian"],
    female: ["Anna", "Katharina", "Lena", "Sophie", "Marieke", "Julia", "Sabine", "Eva"],
    surnames: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "van der Berg", "de Vries", "Janssens", "Huber", "Gruber", "Keller", "Peeters"],
  },
  romance: {
    male: ["Jean-Luc", "Pierre", "Marco", "Giuseppe", "Javier", "Carlos", "João", "Andrei"],
    female: ["Marie", "Camille", "Giulia", "Francesca", "Lucía", "Carmen", "Inês", "Ioana"],
    surnames: ["Dubois", "Lefèvre", "Rossi", "Bianchi", "García", "Fernández", "Silva", "Popescu", "Moreau", "Esposito", "Martínez", "Ferreira"],
  },
  nordic: {
    male: ["Lars", "Erik", "Mikko", "Anders", "Sven", "Jukka", "Magnus", "Henrik"],
    female: ["Ingrid", "Astrid", "Aino", "Sofie", "Freja", "Liisa", "Karin", "Maja"],
    surnames: ["Jørgensen", "Andersson", "Johansson", "Virtanen", "Nielsen", "Hansen", "Lindqvist", "Korhonen", "Berg", "Halvorsen"],
  },
  anglo: {
    male: ["James", "John", "Michael", "Seán", "Robert", "David", "William", "Patrick"],
    female: ["Siobhan", "Emily", "Sarah", "Mary", "Jennifer", "Claire", "Aoife", "Elizabeth"],
    surnames: ["Smith", "O'Neill", "Johnson", "Brown", "Murphy", "Taylor", "Wilson", "MacDonald", "Walsh", "Clarke", "Evans", "Kelly"],
  },
  centralEuropean: {
    male: ["Piotr", "Tomáš", "László", "Georgi", "Nikos", "Marek", "Jakub", "Péter"],
    female: ["Agnieszka", "Kateřina", "Zsófia", "Maria", "Eleni", "Zuzana", "Magdalena", "Réka"],
    surnames: ["Nowak", "Kowalski", "Dvořák", "Novák", "Nagy", "Horváth", "Ivanova", "Papadopoulos", "Wiśniewski", "Kovács", "Georgiou", "Svoboda"],
  },
  eastAsian: {
    male: ["Hiroshi", "Takeshi", "Min-jun", "Ji-hoon", "Wei", "Jun", "Bat-Erdene", "Ganbold"],
    female: ["Yuki", "Haruka", "Seo-yeon", "Ji-woo", "Li", "Mei", "Oyunchimeg", "Sarnai"],
    surnames: ["Tanaka", "Suzuki", "Kim", "Park", "Wang", "Zhang", "Li", "Batbayar", "Sato", "Choi", "Chen", "Dorj"],
  },
  caucasus: {
    male: ["Giorgi", "Levan", "Davit", "Aram", "Tigran", "Nikoloz", "Armen", "Irakli"],
    female: ["Nino", "Tamar", "Ani", "Mariam", "Lilit", "Ketevan", "Anahit", "Salome"],
    surnames: ["Beridze", "Kapanadze", "Gelashvili", "Hovhannisyan", "Grigoryan", "Sargsyan", "Lomidze", "Petrosyan"],
  },
  southAsian: {
    male: ["Rahul", "Arjun", "Vikram", "Sanjay", "Amit", "Rajesh", "Anil", "Suresh"],
    female: ["Priya", "Ananya", "Kavita", "Sunita", "Deepa", "Meera", "Lakshmi", "Pooja"],
    surnames: ["Sharma", "Patel", "Singh", "Gupta", "Iyer", "Reddy", "Nair", "Mehta"],
  },
};
const poolOf: Record<string, string> = {
  RU: "eastSlavic", BY: "eastSlavic", UA: "eastSlavic", KZ: "centralAsian", KG: "centralAsian", TJ: "centralAsian", UZ: "centralAsian",
  TR: "turkic", AZ: "turkic", DE: "german", AT: "german", CH: "german", NL: "german", BE: "german", FR: "romance", IT: "romance",
  ES: "romance", PT: "romance", RO: "romance", SE: "nordic", NO: "nordic", FI: "nordic", DK: "nordic", GB: "anglo", IE: "anglo",
  US: "anglo", CA: "anglo", PL: "centralEuropean", CZ: "centralEuropean", SK: "centralEuropean", HU: "centralEuropean",
  BG: "centralEuropean", GR: "centralEuropean", JP: "eastAsian", KR: "eastAsian", CN: "eastAsian", MN: "eastAsian",
  GE: "caucasus", AM: "caucasus", IN: "southAsian",
};

function person(nationality: string): Person {
  const pool = pools[poolOf[nationality] ?? "anglo"]!;
  const sex = random() < 0.5 ? "female" : "male";
  const given = Math.floor(random() * pool[sex].length);
  const second = random() < 0.15 ? Math.floor(random() * pool[sex].length) : -1;
  const family = Math.floor(random() * pool.surnames.length);
  const gendered = (entry: string | [string, string]) => (typeof entry === "string" ? entry : entry[sex === "male" ? 0 : 1]);
  const givenNames = [pool[sex][given]!, ...(second >= 0 && second !== given ? [pool[sex][second]!] : [])].join(" ");
  const surname = gendered(pool.surnames[family]!);
  const cyrillic = pool.cyrillic && `${gendered(pool.cyrillic.surnames[family]!)} ${pool.cyrillic[sex][given]!}`;
  return { surname, givenNames, sex, ...(cyrillic && { cyrillicName: cyrillic }) };
}

const ascii = (text: string) => text.normalize("NFD").replace(/[^A-Za-z]/g, "").toLowerCase();

// A mission's staff, in the order a coordinator lists them: one head, then the teams.
const roles: ObserverRole[] = [
  "head_of_mission",
  ...Array<ObserverRole>(3).fill("core_team"),
  ...Array<ObserverRole>(8).fill("long_term_observer"),
  ...Array<ObserverRole>(33).fill("short_term_observer"),
  ...Array<ObserverRole>(3).fill("interpreter"),
  ...Array<ObserverRole>(2).fill("support_staff"),
];

function fileRow(kind: "photo" | "letter", content: Buffer, mediaType: string, originalName: string, uploadedBy: string, size?: { width: number; height: number }) {
  return {
    kind,
    mediaType,
    content,
    byteSize: content.byteLength,
    sha256: createHash("sha256").update(content).digest("hex"),
    originalName,
    uploadedBy,
    ...size,
  };
}

/** A small one-page PDF: the request letter every submitted application carries. */
function letterPdf(organization: string) {
  const text = `Request for accreditation of the observation mission of ${organization.replace(/[()\\]/g, "")}`;
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n` +
      `4 0 obj<</Length ${stream.length}>>stream\n${stream}\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

const snapshotFields = ["surname", "givenNames", "cyrillicName", "sex", "dateOfBirth", "nationality", "passportNumber", "passportExpiresOn", "role", "arrivalOn", "departureOn", "email"] as const;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

async function main() {
  const started = performance.now();
  await migrateDatabase();
  const db = getDb();
  await seedDemoData(db);
  const [election] = await db.select().from(elections).where(eq(elections.code, `LOC-${addDays(todayInAshgabat(), 60).slice(0, 4)}`));
  if (!election) throw new Error("the demo data has no upcoming election");
  const day = election.electionDay;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();

  const regionNames = { en: new Intl.DisplayNames(["en"], { type: "region" }), ru: new Intl.DisplayNames(["ru"], { type: "region" }), tk: new Intl.DisplayNames(["tk"], { type: "region" }) };
  const orgPlans = countries.flatMap((country) =>
    organizationKinds.map((kind) => ({
      country,
      kind,
      row: {
        acronym: `${kind.acronym} ${country}`,
        nameEn: kind.en(regionNames.en.of(country)!),
        nameRu: kind.ru(regionNames.ru.of(country)!),
        nameTk: kind.tk(regionNames.tk.of(country)!),
        kind: kind.kind,
        seatCountry: country,
        website: `https://${kind.acronym.toLowerCase()}.${country.toLowerCase()}.example.org`,
      },
    })),
  ).slice(0, MISSIONS);

  const orgs = await db.insert(organizations).values(orgPlans.map((p) => p.row)).returning({ id: organizations.id });
  const coordinators = orgPlans.map((plan, i) => {
    const who = person(plan.country);
    return {
      name: `${who.givenNames} ${who.surname}`,
      email: `coordinator.${plan.kind.acronym.toLowerCase()}.${plan.country.toLowerCase()}@bench.example`,
      role: "coordinator" as const,
      organizationId: orgs[i]!.id,
      preferredLocale: (["RU", "BY", "KZ", "KG", "TJ", "UZ"].includes(plan.country) ? "ru" : "en") as "ru" | "en",
      passwordHash,
    };
  });
  const coordinatorIds = (await db.insert(users).values(coordinators).returning({ id: users.id })).map((u) => u.id);

  const reviewers = Array.from({ length: REVIEWERS }, (_, i) => ({
    email: `reviewer.bench${String(i + 1).padStart(2, "0")}@portal.example`,
    totpSecret: new Secret({ size: 20 }).base32,
  }));
  await db.insert(users).values(
    reviewers.map((r, i) => ({
      name: `Bench Reviewer ${i + 1}`,
      email: r.email,
      role: "reviewer" as const,
      preferredLocale: "en" as const,
      passwordHash,
      totpSecretEncrypted: sealSecret(r.totpSecret),
      totpEnabledAt: now,
    })),
  );

  const letterIds = (
    await db
      .insert(files)
      .values(orgPlans.map((plan, i) => fileRow("letter", letterPdf(plan.row.nameEn), "application/pdf", "request-letter.pdf", coordinatorIds[i]!)))
      .returning({ id: files.id })
  ).map((f) => f.id);

  const missionRows = orgPlans.map((plan, i) => {
    // Submitted over the last two weeks: the oldest are past their decision day.
    const submittedAt = new Date(now.getTime() - (i % 14) * 86_400_000 - between(1, 20) * 3_600_000);
    const sent = i >= DRAFTS;
    return {
      organizationId: orgs[i]!.id,
      electionId: election.id,
      status: sent ? ("submitted" as const) : ("draft" as const),
      name: `${plan.row.nameEn}: observation mission`,
      type: plan.kind.missionType,
      plannedArrivalOn: addDays(day, -40),
      plannedDepartureOn: addDays(day, 6),
      regions: deploymentRegions.filter(() => random() < 0.6),
      contactPerson: coordinators[i]!.name,
      phone: `+${between(1, 99)} ${between(10, 99)} ${between(100, 999)} ${between(1000, 9999)}`,
      email: `mission@${plan.kind.acronym.toLowerCase()}.${plan.country.toLowerCase()}.example.org`,
      workingLanguages: ["en", "ru"],
      letterFileId: letterIds[i]!,
      submittedAt: sent ? submittedAt : null,
      decisionDueOn: sent ? addWorkingDays(todayInAshgabat(submittedAt), election.decisionWorkingDays) : null,
      version: sent ? 2 : 1,
      createdBy: coordinatorIds[i]!,
    };
  });
  const missionIds = (await db.insert(missions).values(missionRows).returning({ id: missions.id })).map((m) => m.id);

  // One small passport photo, stored once per observer as uploads are.
  const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 214, g: 220, b: 228 } } }).jpeg({ quality: 80 }).toBuffer();

  // The sort key is added on insert, after the names are final.
  type ObserverRow = Omit<typeof observers.$inferInsert, "nameSortKey">;
  const observerRows: ObserverRow[] = [];
  let serial = 0;
  for (const [m, plan] of orgPlans.entries()) {
    for (const [k, role] of roles.entries()) {
      serial += 1;
      const nationality = random() < 0.9 ? plan.country : pick(countries);
      const who = person(nationality);
      const stay =
        role === "head_of_mission" || role === "core_team"
          ? { arrivalOn: addDays(day, -40), departureOn: addDays(day, 6) }
          : role === "long_term_observer"
            ? { arrivalOn: addDays(day, -35), departureOn: addDays(day, 4) }
            : { arrivalOn: addDays(day, -between(4, 7)), departureOn: addDays(day, between(1, 3)) };
      const row: ObserverRow = {
        missionId: missionIds[m]!,
        status: "pending",
        surname: who.surname,
        givenNames: who.givenNames,
        cyrillicName: who.cyrillicName ?? null,
        sex: who.sex,
        dateOfBirth: `${between(1952, 1999)}-${String(between(1, 12)).padStart(2, "0")}-${String(between(1, 28)).padStart(2, "0")}`,
        nationality,
        passportNumber: `${nationality}${String(1_000_000 + serial * 37).padStart(8, "0")}`,
        // One in fifty expires within six months of arrival: the commission sees a warning.
        passportExpiresOn: random() < 0.02 ? addDays(stay.arrivalOn, 120) : `${between(2028, 2035)}-${String(between(1, 12)).padStart(2, "0")}-15`,
        role,
        ...stay,
        email: random() < 0.6 ? `${ascii(who.givenNames)}.${ascii(who.surname)}${serial}@example.org` : null,
      };
      // The last observer of each mission also serves with the previous one: a finding on both pages.
      const previous = m > DRAFTS ? observerRows[(m - 1) * OBSERVERS_PER_MISSION + 10] : undefined;
      if (k === roles.length - 1 && previous) {
        Object.assign(row, { surname: previous.surname, givenNames: previous.givenNames, cyrillicName: previous.cyrillicName, sex: previous.sex, dateOfBirth: previous.dateOfBirth, nationality: previous.nationality, passportNumber: previous.passportNumber, passportExpiresOn: previous.passportExpiresOn });
      }
      observerRows.push(row);
    }
  }
  const photoIds: string[] = [];
  await inBatches(observerRows, async (batch) => {
    const start = photoIds.length;
    const ids = await db
      .insert(files)
      .values(batch.map((_, j) => fileRow("photo", photo, "image/jpeg", "photo.jpg", coordinatorIds[Math.floor((start + j) / OBSERVERS_PER_MISSION)]!, { width: 300, height: 400 })))
      .returning({ id: files.id });
    photoIds.push(...ids.map((f) => f.id));
  });
  observerRows.forEach((row, i) => (row.photoFileId = photoIds[i]!));
  const observerIds: string[] = [];
  await inBatches(observerRows, async (batch) => {
    observerIds.push(...(await db.insert(observers).values(batch.map(withNameSortKey)).returning({ id: observers.id })).map((o) => o.id));
  });

  // The history of each application: its first submission, as submitApplication records it.
  for (const [m, mission] of missionRows.entries()) {
    if (mission.status === "draft") continue;
    const own = observerRows.slice(m * OBSERVERS_PER_MISSION, (m + 1) * OBSERVERS_PER_MISSION);
    const details = { name: mission.name, type: mission.type, plannedArrivalOn: mission.plannedArrivalOn, plannedDepartureOn: mission.plannedDepartureOn, regions: mission.regions, contactPerson: mission.contactPerson, phone: mission.phone, email: mission.email, workingLanguages: mission.workingLanguages, letterFileId: mission.letterFileId };
    await db.transaction(async (tx) => {
      await tx.insert(missionSubmissions).values({
        missionId: missionIds[m]!,
        number: 1,
        submittedAt: mission.submittedAt!,
        submittedBy: coordinatorIds[m]!,
        decisionDueOn: mission.decisionDueOn!,
        observerCount: own.length,
        snapshot: {
          details,
          observers: own.map((o, j) => ({
            id: observerIds[m * OBSERVERS_PER_MISSION + j],
            hasPhoto: true,
            ...Object.fromEntries(snapshotFields.map((field) => [field, o[field] ?? null])),
          })),
        },
      });
      await writeAuditEvent(tx, {
        actor: { id: coordinatorIds[m]!, role: "coordinator" },
        action: "application.submitted",
        entityType: "mission",
        entityId: missionIds[m]!,
        details: { number: 1, from: "draft", to: "submitted", observers: own.length, decisionDueOn: mission.decisionDueOn },
      });
    });
  }
  // Statistics and the visibility map, as autovacuum leaves a PostgreSQL database that has been in
  // use (PGlite has no autovacuum: without this its planner would guess from empty statistics).
  await db.execute(sql`vacuum analyze`);
  await closeDb();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const observersOf = (m: number) => observerIds.slice(m * OBSERVERS_PER_MISSION, (m + 1) * OBSERVERS_PER_MISSION);
  const drafts = missionRows.slice(0, DRAFTS).map((mission, m) => ({
    missionId: missionIds[m]!,
    email: coordinators[m]!.email,
    details: { name: mission.name, type: mission.type, plannedArrivalOn: mission.plannedArrivalOn, plannedDepartureOn: mission.plannedDepartureOn, regions: mission.regions, contactPerson: mission.contactPerson, phone: mission.phone, email: mission.email, workingLanguages: mission.workingLanguages },
  }));
  console.log(JSON.stringify({ electionCode: election.code, missionIds, observerIds: missionIds.map((_, m) => observersOf(m)), drafts, reviewers, observers: observerIds.length, seconds }));
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
