/**
 * The data of bench/public.bench.ts, on top of bench/review-seed.ts (run first, in the same
 * database): the Commission has decided every application to the seeded upcoming election,
 * accredited every observer (numbered after those the demo data accredited, as decideObservers numbers them) and approved every
 * mission, so the election's public pages show 200 missions and 10,000 observers. Written straight
 * through Drizzle, as the review seed is. Prints one JSON line: the election's code.
 *   node --conditions=react-server --import tsx bench/public-seed.ts
 */
import { and, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { elections, missions, observers } from "@/db/schema";

async function main() {
  const db = getDb();
  const [election] = await db
    .select({ id: elections.id, code: elections.code, sequence: elections.accreditationSequence })
    .from(elections)
    .innerJoin(missions, eq(missions.electionId, elections.id))
    .where(eq(missions.status, "submitted"))
    .limit(1);
  if (!election) throw new Error("run bench/review-seed.ts first: no submitted application");
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update ${observers} set status = 'accredited', decided_at = now(),
        -- lpad cuts longer strings: four digits at least, more past 9999.
        accreditation_number = ${election.code} || '-' || lpad((${election.sequence} + numbered.n)::text, greatest(4, length((${election.sequence} + numbered.n)::text)), '0')
      from (select o.id, row_number() over (order by o.surname, o.given_names, o.id) as n
            from ${observers} o join ${missions} m on m.id = o.mission_id
            where m.election_id = ${election.id} and o.status = 'pending') as numbered
      where ${observers.id} = numbered.id`);
    await tx
      .update(missions)
      .set({ status: "approved", decidedAt: new Date() })
      .where(and(eq(missions.electionId, election.id), eq(missions.status, "submitted")));
    await tx
      .update(elections)
      .set({ accreditationSequence: sql`(select count(*) from ${observers} o join ${missions} m on m.id = o.mission_id where m.election_id = ${election.id} and o.accreditation_number is not null)` })
      .where(eq(elections.id, election.id));
  });
  await closeDb();
  console.log(JSON.stringify({ code: election.code }));
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
