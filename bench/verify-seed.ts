/**
 * The data of bench/verify.bench.ts, written through Drizzle into the database that DATA_DIR or
 * DATABASE_URL names: migrations, the demo data, then one approved mission to the seeded upcoming
 * election with 200 accredited observers, whose badges are signed by the same code as a
 * reviewer's accreditation (lib/badges/issue.ts) with the key the server will use. Run in a
 * process of its own, with the react-server condition:
 *   node --conditions=react-server --import tsx bench/verify-seed.ts
 * It prints one JSON line: the badges' tokens.
 */
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { elections, missions, observers, organizations } from "@/db/schema";
import { withNameSortKey } from "@/lib/accreditation/observer-name";
import { issueBadges } from "@/lib/badges/issue";
import { addDays, todayInAshgabat } from "@/lib/dates";

export const BADGES = 200;

async function main() {
  await migrateDatabase();
  const db = getDb();
  await seedDemoData(db);
  const [election] = await db.select().from(elections).where(eq(elections.code, `LOC-${addDays(todayInAshgabat(), 60).slice(0, 4)}`));
  const [organization] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.acronym, "OSCE/ODIHR"));
  if (!election || !organization) throw new Error("the demo data has no upcoming election or no OSCE/ODIHR");
  const [mission] = await db
    .insert(missions)
    .values({ organizationId: organization.id, electionId: election.id, status: "approved", name: "OSCE/ODIHR Election Observation Mission", type: "full_observation_mission", version: 3 })
    .returning({ id: missions.id });
  const rows = Array.from({ length: BADGES }, (_, i) =>
    withNameSortKey({
    missionId: mission!.id,
    status: "accredited" as const,
    accreditationNumber: `${election.code}-${String(i + 1).padStart(4, "0")}`,
    surname: `Observer${String.fromCharCode(65 + (i % 26))}`,
    givenNames: "Anna Maria",
    sex: "female" as const,
    dateOfBirth: "1980-05-17",
    nationality: "SE",
    passportNumber: `BV${String(i).padStart(7, "0")}`,
    passportExpiresOn: addDays(election.electionDay, 800),
    role: "short_term_observer" as const,
    arrivalOn: election.observationStartsOn,
    departureOn: election.observationEndsOn,
    }),
  );
  const ids = (await db.insert(observers).values(rows).returning({ id: observers.id })).map((o) => o.id);
  const issued = await db.transaction((tx) => issueBadges(tx, null, ids, null));
  console.log(JSON.stringify({ tokens: issued.map((badge) => badge.token) }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(closeDb);
