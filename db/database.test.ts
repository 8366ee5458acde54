import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { electionPhase } from "@/lib/elections/phase";
import { listPublishedElections } from "@/lib/elections/queries";
import { verifyPassword } from "@/lib/identity/password";
import { addDays, ashgabatInstant, todayInAshgabat } from "@/lib/dates";
import { closeDb, databaseKind, getDb } from "./index";
import { migrateDatabase } from "./migrate";
import { elections, organizations, users } from "./schema";
import { DEMO_PASSWORD, seedDemoData } from "./seed";
import { isEmbeddedDatabase } from "@/lib/env";

/**
 * Runs against the embedded PGlite database of this test file (test/setup.ts gives it a fresh
 * DATA_DIR) or, when DATABASE_URL is set, against that PostgreSQL database, which other test
 * files (and earlier runs) may share: every row this file creates carries a unique token, and
 * assertions on shared tables are limited to those rows unless this file made the conditions.
 */
const onPostgres = !isEmbeddedDatabase();

const token = randomBytes(4).toString("hex"); // 8 hex characters, unique per run
let serial = 0;
const unique = (prefix: string) => `${prefix}${token}${++serial}`;

/** On a shared database other processes may change the list mid-check: retry a few times there. */
async function withRetries(check: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      await check();
      return;
    } catch (error) {
      if (!onPostgres || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

type PgError = { code?: string; constraint?: string; message: string };

/** The PostgreSQL error behind a failed statement (Drizzle wraps it in `cause`). */
async function pgErrorOf(statement: PromiseLike<unknown>): Promise<PgError> {
  try {
    await statement;
  } catch (error) {
    let current: unknown = error;
    while (current && typeof current === "object") {
      if (typeof (current as PgError).code === "string") return current as PgError;
      current = (current as { cause?: unknown }).cause;
    }
    throw error;
  }
  throw new Error("expected the statement to fail, but it succeeded");
}

async function count(table: typeof elections | typeof organizations | typeof users) {
  const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(table);
  return row!.n;
}

/** Rows that only the demo seed creates; other test files never touch them. */
async function demoRowCounts() {
  const db = getDb();
  const [orgs] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organizations)
    .where(inArray(organizations.acronym, ["OSCE/ODIHR", "CIS EC", "OTS", "SCO", "CEC UZ"]));
  const [people] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(like(users.email, "%@portal.example"));
  const [demoElections] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(elections)
    .where(sql`${elections.code} in ('PRES-2022', 'MEJ-2023', 'MEJ-2024') or ${elections.code} like 'LOC-%'`);
  return { organizations: orgs!.n, users: people!.n, elections: demoElections!.n };
}

const noDemoRows = { organizations: 0, users: 0, elections: 0 };
const fullDemoRows = { organizations: 5, users: 7, elections: 4 };

async function insertOrganization() {
  const [org] = await getDb()
    .insert(organizations)
    .values({
      acronym: unique("ORG-"),
      nameTk: "Synag guramasy",
      nameRu: "Тестовая организация",
      nameEn: "Test organization",
      kind: "international_ngo",
      seatCountry: "DE",
    })
    .returning({ id: organizations.id });
  return org!.id;
}

type ElectionInput = typeof elections.$inferInsert;

function electionValues(overrides: Partial<ElectionInput> & { electionDay: string }): ElectionInput {
  const day = overrides.electionDay;
  return {
    code: unique("T"),
    type: "referendum",
    titleTk: `Synag ${token}`,
    titleRu: `Тест ${token}`,
    titleEn: `Test ${token}`,
    accreditationOpensAt: ashgabatInstant(addDays(day, -60), "09:00"),
    accreditationClosesAt: ashgabatInstant(addDays(day, -10), "18:00"),
    observationStartsOn: addDays(day, -30),
    observationEndsOn: addDays(day, 7),
    status: "published",
    publishedAt: new Date(),
    ...overrides,
  };
}

beforeAll(async () => {
  await migrateDatabase();
});

afterAll(async () => {
  try {
    // Leave a shared database as this file found it (the demo data stays: it is what the seed made).
    const db = getDb();
    await db.delete(users).where(like(users.email, `%${token}%`));
    await db.delete(organizations).where(like(organizations.acronym, `%${token}%`));
    await db.delete(elections).where(like(elections.code, `%${token}%`));
  } finally {
    await closeDb();
  }
});

describe("database", () => {
  it("is the kind DATABASE_URL asks for", () => {
    expect(databaseKind()).toBe(onPostgres ? "postgres" : "pglite");
  });

  it("applies every migration, and applying them again changes nothing", async () => {
    const journal = JSON.parse(readFileSync(join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const applied = async () => {
      const result = (await getDb().execute(
        sql`select id, hash, created_at from drizzle.__drizzle_migrations order by id`,
      )) as unknown as { rows: { id: number; hash: string; created_at: string }[] };
      return result.rows.map((r) => ({ id: Number(r.id), hash: r.hash, createdAt: String(r.created_at) }));
    };
    const migrations = await applied();
    expect(migrations).toHaveLength(journal.entries.length);
    expect(migrations.map((m) => m.createdAt)).toEqual(journal.entries.map((e) => String((e as { when: number }).when)));

    const tables = (await getDb().execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )) as unknown as { rows: { table_name: string }[] };
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["accounts", "elections", "organizations", "sessions", "users", "verification_tokens"]),
    );

    // A row written before migrating again must survive it (nothing is recreated).
    const marker = await insertOrganization();
    const before = await Promise.all([count(elections), count(organizations), count(users)]);
    await migrateDatabase();
    await migrateDatabase();
    expect(await applied()).toEqual(migrations);
    expect(await getDb().select({ id: organizations.id }).from(organizations).where(eq(organizations.id, marker))).toEqual([{ id: marker }]);
    // Only this file writes to its PGlite database; a shared PostgreSQL one may change meanwhile.
    if (!onPostgres) expect(await Promise.all([count(elections), count(organizations), count(users)])).toEqual(before);
    await getDb().delete(organizations).where(eq(organizations.id, marker));
  });
});

// First, while this file has written nothing yet: on PGlite the database is empty.
describe("seedDemoData", () => {
  it("seeds an empty database once, and a second call adds nothing", async () => {
    const db = getDb();
    const now = new Date();
    // This file's PGlite database is empty. A shared PostgreSQL database may already hold data
    // (an earlier run, other test files): then the seed must answer null and add nothing.
    if (!onPostgres) expect(await count(organizations), "a fresh PGlite database has no organizations").toBe(0);
    const demoRowsBefore = await demoRowCounts();

    const accounts = await seedDemoData(db, now);
    if (onPostgres && demoRowsBefore.organizations > 0) {
      expect(accounts).toBeNull();
      expect(await demoRowCounts()).toEqual(demoRowsBefore);
      return;
    }
    if (onPostgres && accounts === null) {
      // The seed found other processes' organizations under its table lock (or another process
      // seeded meanwhile): it must not have added a partial or second copy of the demo data.
      expect([fullDemoRows, noDemoRows]).toContainEqual(await demoRowCounts());
      return;
    }
    expect(accounts).not.toBeNull();
    expect(accounts).toHaveLength(7);
    expect(demoRowsBefore).toEqual(noDemoRows);
    expect(await demoRowCounts()).toEqual(fullDemoRows);

    // Elections: the three past ones and one whose accreditation is open now.
    const upcomingCode = `LOC-${addDays(todayInAshgabat(now), 60).slice(0, 4)}`;
    const seededCodes = ["PRES-2022", "MEJ-2023", "MEJ-2024", upcomingCode];
    const seeded = await db.select().from(elections).where(inArray(elections.code, seededCodes));
    expect(seeded.map((e) => e.code).sort()).toEqual([...seededCodes].sort());
    for (const e of seeded) {
      expect(e.status).toBe("published");
      expect(e.publishedAt?.getTime()).toBe(now.getTime());
      expect(e.accreditationOpensAt.getTime()).toBeLessThan(e.accreditationClosesAt.getTime());
    }
    const phases = Object.fromEntries(seeded.map((e) => [e.code, electionPhase(e, now)]));
    expect(phases).toEqual({ "PRES-2022": "held", "MEJ-2023": "held", "MEJ-2024": "held", [upcomingCode]: "accreditationOpen" });
    const mej2024 = seeded.find((e) => e.code === "MEJ-2024")!;
    expect(mej2024.electionDay).toBe("2024-07-07");
    // Early elections of the Mejlis (DOMAIN.md), not by-elections.
    expect(mej2024.type).toBe("early");
    expect(mej2024.accreditationOpensAt.toISOString()).toBe("2024-05-08T04:00:00.000Z");

    // Organizations and accounts.
    const orgs = await db.select().from(organizations);
    // Russian-speaking readers search the CIS as СНГ, the OTS as ОТГ.
    expect(Object.fromEntries(orgs.map((o) => [o.acronym, o.cyrillicAcronym]))).toMatchObject({ "CIS EC": "ИК СНГ", OTS: "ОТГ", "OSCE/ODIHR": "ОБСЕ/БДИПЧ" });
    const emails = accounts!.map((a) => a.email);
    const seededUsers = await db.select().from(users).where(inArray(users.email, emails));
    expect(seededUsers).toHaveLength(7);
    const byRole = (role: string) => seededUsers.filter((u) => u.role === role);
    expect(byRole("admin")).toHaveLength(1);
    expect(byRole("reviewer")).toHaveLength(1);
    expect(byRole("observer")).toHaveLength(0);
    const coordinators = byRole("coordinator");
    expect(coordinators).toHaveLength(5);
    expect(new Set(coordinators.map((c) => c.organizationId)).size).toBe(5);
    for (const c of coordinators) {
      const org = orgs.find((o) => o.id === c.organizationId);
      expect(org, `${c.email} belongs to a seeded organization`).toBeDefined();
      expect(accounts!.find((a) => a.email === c.email)?.organization).toBe(org!.acronym);
    }
    for (const u of [...byRole("admin"), ...byRole("reviewer")]) expect(u.organizationId).toBeNull();
    expect(await verifyPassword(seededUsers[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(seededUsers[0]!.passwordHash, "wrong")).toBe(false);

    if (!onPostgres) {
      // This file's own database: nothing but the demo data.
      expect(await count(elections)).toBe(4);
      expect(orgs).toHaveLength(5);
      expect(await count(users)).toBe(7);
    }

    const counts = await Promise.all([count(elections), count(organizations), count(users)]);
    const demoRows = await demoRowCounts();
    await expect(seedDemoData(db, now)).resolves.toBeNull();
    await expect(seedDemoData(db, new Date("2040-01-01T00:00:00Z"))).resolves.toBeNull();
    expect(await demoRowCounts()).toEqual(demoRows);
    if (!onPostgres) expect(await Promise.all([count(elections), count(organizations), count(users)])).toEqual(counts);
  });
});

describe("users table", () => {
  it("keeps emails unique regardless of case", async () => {
    const local = unique("person-");
    await getDb().insert(users).values({ name: "First", email: `${local}@x.org`, role: "reviewer" });
    const error = await pgErrorOf(getDb().insert(users).values({ name: "Second", email: `${local.toUpperCase()}@X.org`, role: "reviewer" }));
    expect(error.code).toBe("23505"); // unique_violation
    expect(error.constraint ?? error.message).toContain("users_email_lower_idx");
    const rows = await getDb().select().from(users).where(eq(sql`lower(${users.email})`, `${local}@x.org`));
    expect(rows.map((r) => r.name)).toEqual(["First"]);
  });

  it("gives new users the defaults", async () => {
    const email = `${unique("defaults-")}@x.org`;
    const [row] = await getDb().insert(users).values({ name: "Defaults", email, role: "admin" }).returning();
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row!.preferredLocale).toBe("tk");
    expect(row!.sessionVersion).toBe(1);
    expect(row!.disabledAt).toBeNull();
    expect(row!.passwordHash).toBeNull();
  });

  it("requires an organization for coordinators and only for them", async () => {
    const orgId = await insertOrganization();
    const db = getDb();

    const coordinatorWithout = await pgErrorOf(db.insert(users).values({ name: "C", email: `${unique("c-")}@x.org`, role: "coordinator" }));
    expect(coordinatorWithout.code).toBe("23514"); // check_violation
    expect(coordinatorWithout.constraint ?? coordinatorWithout.message).toContain("users_organization_by_role");

    for (const role of ["reviewer", "admin", "observer"] as const) {
      const error = await pgErrorOf(
        db.insert(users).values({ name: role, email: `${unique(`${role}-`)}@x.org`, role, organizationId: orgId }),
      );
      expect(error.code, role).toBe("23514");
      expect(error.constraint ?? error.message).toContain("users_organization_by_role");
    }

    // The allowed combinations.
    await db.insert(users).values({ name: "C", email: `${unique("c-")}@x.org`, role: "coordinator", organizationId: orgId });
    await db.insert(users).values({ name: "R", email: `${unique("r-")}@x.org`, role: "reviewer" });
    const mine = await db
      .select({ role: users.role, organizationId: users.organizationId })
      .from(users)
      .where(and(like(users.email, `%${token}%`), inArray(users.role, ["coordinator"])));
    expect(mine).toEqual([{ role: "coordinator", organizationId: orgId }]);
  });

  it("rejects a coordinator whose organization does not exist", async () => {
    const error = await pgErrorOf(
      getDb()
        .insert(users)
        .values({ name: "C", email: `${unique("c-")}@x.org`, role: "coordinator", organizationId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(error.code).toBe("23503"); // foreign_key_violation
  });
});

describe("organizations table", () => {
  it("accepts only ISO country codes", async () => {
    const error = await pgErrorOf(
      getDb()
        .insert(organizations)
        .values({ acronym: unique("ORG-"), nameTk: "x", nameRu: "x", nameEn: "x", kind: "intergovernmental", seatCountry: "de" }),
    );
    expect(error.code).toBe("23514");
    expect(error.constraint ?? error.message).toContain("organizations_seat_country_iso");
  });
});

describe("elections table", () => {
  it("accepts a consistent election", async () => {
    const values = electionValues({ electionDay: "2030-05-05" });
    await getDb().insert(elections).values(values);
    const [row] = await getDb().select().from(elections).where(eq(elections.code, values.code));
    expect(row!.electionDay).toBe("2030-05-05");
    expect(row!.accreditationOpensAt.toISOString()).toBe("2030-03-06T04:00:00.000Z");
  });

  it("rejects accreditation that opens after (or when) it closes", async () => {
    for (const closesAt of [ashgabatInstant("2030-01-01", "09:00"), ashgabatInstant("2030-01-02", "09:00")]) {
      const error = await pgErrorOf(
        getDb()
          .insert(elections)
          .values(electionValues({ electionDay: "2030-06-01", accreditationOpensAt: ashgabatInstant("2030-01-02", "09:00"), accreditationClosesAt: closesAt })),
      );
      expect(error.code).toBe("23514");
      expect(error.constraint ?? error.message).toContain("elections_accreditation_window");
    }
  });

  it("rejects an election day outside the observation window", async () => {
    const cases = [
      { electionDay: "2030-06-01", observationStartsOn: "2030-06-02", observationEndsOn: "2030-06-10" },
      { electionDay: "2030-06-11", observationStartsOn: "2030-06-02", observationEndsOn: "2030-06-10" },
    ];
    for (const window of cases) {
      const error = await pgErrorOf(getDb().insert(elections).values(electionValues(window)));
      expect(error.code).toBe("23514");
      expect(error.constraint ?? error.message).toContain("elections_observation_window");
    }
    // The window's ends themselves are allowed.
    await getDb().insert(elections).values(electionValues({ electionDay: "2030-06-02", observationStartsOn: "2030-06-02", observationEndsOn: "2030-06-02" }));
  });

  it("keeps codes unique and at most 16 characters", async () => {
    const values = electionValues({ electionDay: "2030-07-07" });
    await getDb().insert(elections).values(values);
    expect((await pgErrorOf(getDb().insert(elections).values({ ...values }))).code).toBe("23505");
    const tooLong = await pgErrorOf(getDb().insert(elections).values(electionValues({ electionDay: "2030-07-07", code: `X${token}12345678` })));
    expect(tooLong.code).toBe("22001"); // string_data_right_truncation
  });
});

describe("listPublishedElections", () => {
  // This file's elections: three published on distinct days, two on one day (ordered by title), one draft.
  const mine = {
    early: { code: unique("L"), electionDay: "2031-01-10", titleEn: `${token} Echo`, titleRu: `${token} Эхо` },
    sameDayB: { code: unique("L"), electionDay: "2031-02-20", titleEn: `${token} Bravo`, titleRu: `${token} Браво` },
    sameDayA: { code: unique("L"), electionDay: "2031-02-20", titleEn: `${token} Alpha`, titleRu: `${token} Альфа` },
    late: { code: unique("L"), electionDay: "2031-03-30", titleEn: `${token} Charlie`, titleRu: `${token} Юг` },
    draft: { code: unique("L"), electionDay: "2031-02-01", titleEn: `${token} Draft`, titleRu: `${token} Черновик` },
  };
  const publishedCodes = [mine.early.code, mine.sameDayA.code, mine.sameDayB.code, mine.late.code];

  const all = async (locale: "tk" | "ru" | "en", sort: "electionDay" | "title", dir: "asc" | "desc") =>
    listPublishedElections(locale, { page: 1, pageSize: 100_000, sort, dir });
  const codesOfMine = (rows: { code: string }[]) => rows.map((r) => r.code).filter((c) => publishedCodes.includes(c));
  const publishedCount = async () => {
    const [row] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(elections)
      .where(eq(elections.status, "published"));
    return row!.n;
  };

  beforeAll(async () => {
    await getDb()
      .insert(elections)
      .values([
        ...[mine.early, mine.sameDayB, mine.sameDayA, mine.late].map((e) => electionValues(e)),
        electionValues({ ...mine.draft, status: "draft", publishedAt: null }),
      ]);
  });

  it("lists published elections only, with the full count as total", async () => {
    await withRetries(async () => {
      const { rows, total } = await all("en", "electionDay", "asc");
      const codes = rows.map((r) => r.code);
      for (const code of publishedCodes) expect(codes).toContain(code);
      expect(codes).not.toContain(mine.draft.code);
      expect(typeof total).toBe("number");
      expect(total).toBe(rows.length);
      expect(total).toBe(await publishedCount());
    });
  });

  it("answers the title in the requested language", async () => {
    for (const [locale, expected] of [
      ["en", `${token} Echo`],
      ["ru", `${token} Эхо`],
      ["tk", `Synag ${token}`],
    ] as const) {
      const { rows } = await all(locale, "electionDay", "asc");
      const row = rows.find((r) => r.code === mine.early.code)!;
      expect(row.title).toBe(expected);
      expect(row.electionDay).toBe("2031-01-10");
      expect(row.accreditationOpensAt).toBeInstanceOf(Date);
      expect(row.accreditationClosesAt.getTime()).toBeGreaterThan(row.accreditationOpensAt.getTime());
    }
  });

  it("sorts by election day ascending, ties by title", async () => {
    const { rows } = await all("en", "electionDay", "asc");
    const days = rows.map((r) => r.electionDay);
    expect(days).toEqual([...days].sort());
    expect(codesOfMine(rows)).toEqual([mine.early.code, mine.sameDayA.code, mine.sameDayB.code, mine.late.code]);
  });

  it("sorts by election day descending, ties still by title ascending", async () => {
    const { rows } = await all("en", "electionDay", "desc");
    const days = rows.map((r) => r.electionDay);
    expect(days).toEqual([...days].sort().reverse());
    expect(codesOfMine(rows)).toEqual([mine.late.code, mine.sameDayA.code, mine.sameDayB.code, mine.early.code]);
  });

  it("sorts by the title of the requested language", async () => {
    const en = await all("en", "title", "asc");
    expect(codesOfMine(en.rows)).toEqual([mine.sameDayA.code, mine.sameDayB.code, mine.late.code, mine.early.code]);
    const enDesc = await all("en", "title", "desc");
    expect(codesOfMine(enDesc.rows)).toEqual([mine.early.code, mine.late.code, mine.sameDayB.code, mine.sameDayA.code]);
    // Альфа < Браво < Эхо < Юг: a different order than in English (Charlie < Echo).
    const ru = await all("ru", "title", "asc");
    expect(codesOfMine(ru.rows)).toEqual([mine.sameDayA.code, mine.sameDayB.code, mine.early.code, mine.late.code]);
  });

  it("sorts equal titles by election day, latest first", async () => {
    // All of this file's elections share one Turkmen title, so only the day orders them.
    const { rows } = await all("tk", "title", "asc");
    const myDays = rows.filter((r) => publishedCodes.includes(r.code)).map((r) => r.electionDay);
    expect(myDays).toEqual(["2031-03-30", "2031-02-20", "2031-02-20", "2031-01-10"]);
  });

  it("pages with pageSize and page, each page a slice of the whole list, total always the full count", async () => {
    await withRetries(async () => {
      const full = await all("en", "electionDay", "asc");
      expect(full.rows.length).toBeGreaterThanOrEqual(4);
      const pageSize = 2;
      const pages = Math.ceil(full.total / pageSize);
      const seen: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const result = await listPublishedElections("en", { page, pageSize, sort: "electionDay", dir: "asc" });
        expect(result.total).toBe(full.total);
        expect(result.rows.map((r) => r.id)).toEqual(full.rows.slice((page - 1) * pageSize, page * pageSize).map((r) => r.id));
        expect(result.rows.length).toBe(page < pages ? pageSize : full.total - (pages - 1) * pageSize);
        seen.push(...result.rows.map((r) => r.id));
      }
      expect(new Set(seen).size).toBe(full.total);
    });
  });

  it("answers no rows but the full total for a page after the last", async () => {
    await withRetries(async () => {
      const full = await all("en", "electionDay", "asc");
      const result = await listPublishedElections("en", { page: full.total + 1, pageSize: 1, sort: "electionDay", dir: "asc" });
      expect(result.rows).toEqual([]);
      expect(result.total).toBe(full.total);
      expect(result.total).toBeGreaterThanOrEqual(4);
    });
  });

  it("counts a newly published election", async () => {
    const before = await all("en", "electionDay", "asc");
    await getDb().update(elections).set({ status: "published", publishedAt: new Date() }).where(eq(elections.code, mine.draft.code));
    const after = await all("en", "electionDay", "asc");
    expect(after.rows.map((r) => r.code)).toContain(mine.draft.code);
    expect(before.rows.map((r) => r.code)).not.toContain(mine.draft.code);
    expect(after.total).toBe(after.rows.length);
    // A shared database may change meanwhile; only this file writes to its PGlite one.
    if (!onPostgres) expect(after.total).toBe(before.total + 1);
  });
});
