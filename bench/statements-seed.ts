/**
 * The data of bench/statements.bench.ts, on top of bench/review-seed.ts and bench/public-seed.ts
 * (run first, in the same database): 10,000 published statements, 50 for each of the 200 approved
 * missions, each with an English original of about 120 words drawn from a vocabulary of election
 * words, every other one with a Russian translation; published over the past 60 days (none under
 * embargo). Written straight in SQL. Prints one JSON line: the election's code, 200 statement ids
 * and the vocabulary (the bench searches for pairs of its words).
 *   node --conditions=react-server --import tsx bench/statements-seed.ts
 */
import { desc, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { elections, missions, statements } from "@/db/schema";

const vocabulary = [
  "election", "observers", "polling", "stations", "counting", "ballots", "voters", "campaign", "media", "commission", "turnout", "registration",
  "candidates", "procedures", "transparency", "complaints", "recommendations", "access", "secrecy", "tabulation", "results", "legal", "framework", "parties",
  "monitoring", "preliminary", "interim", "assessment", "deployment", "regions", "incidents", "queues", "accessibility", "training", "officials", "integrity",
];

async function main() {
  const db = getDb();
  // The upcoming election, whose 200 missions bench/public-seed.ts approved (the demo's past elections have approved missions too).
  const [election] = await db
    .select({ code: elections.code, id: elections.id })
    .from(elections)
    .innerJoin(missions, eq(missions.electionId, elections.id))
    .where(eq(missions.status, "approved"))
    .orderBy(desc(elections.electionDay))
    .limit(1);
  if (!election) throw new Error("run bench/review-seed.ts and bench/public-seed.ts first: no approved mission");
  const words = sql.raw(`array[${vocabulary.map((w) => `'${w}'`).join(",")}]`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into ${statements} (mission_id, kind, first_published_at)
      select m.id, (array['needs_assessment','interim','preliminary','final','press_release'])[1 + (g % 5)]::statement_kind,
             now() - ((m.rn * 50 + g) * interval '10 minutes')
      from (select id, row_number() over (order by id) as rn from ${missions} where election_id = ${election.id} and status = 'approved') m
      cross join generate_series(1, 50) g`);
    // Versions, words and publication for the statements made here only: the demo's own are published already.
    await tx.execute(sql`
      insert into statement_versions (statement_id, number, status, original_language)
      select s.id, 1, 'submitted', 'en' from ${statements} s where not exists (select 1 from statement_versions v where v.statement_id = s.id)`);
    await tx.execute(sql`
      insert into statement_texts (version_id, language, is_original, title, body)
      select v.id, 'en', true,
             'Statement on the ' || (${words})[1 + floor(random() * 36)::int] || ' ' || left(v.id::text, 8),
             -- The condition on v ties the subquery to each row, so each body gets its own words.
             (select string_agg((${words})[1 + floor(random() * 36)::int], ' ') from generate_series(1, 120) w where w > length(v.id::text) - 100)
      from statement_versions v where v.status = 'submitted'`);
    await tx.execute(sql`
      insert into statement_texts (version_id, language, is_original, title, body)
      select v.id, 'ru', false, 'Заявление о выборах ' || left(v.id::text, 8),
             'Наблюдатели отметили спокойную обстановку на избирательных участках и длинные очереди избирателей.'
      from statement_versions v where v.status = 'submitted' and get_byte(decode(md5(v.id::text), 'hex'), 0) % 2 = 0`);
    // Published once their words are in: a published version's words can no longer be added (migration 0008's trigger).
    await tx.execute(sql`
      update statement_versions v set status = 'published', published_at = s.first_published_at, sha256 = encode(sha256(v.id::text::bytea), 'hex')
      from ${statements} s where s.id = v.statement_id and v.status = 'submitted'`);
  });
  // As autovacuum would after such a load (the embedded server analyzes at start and hourly).
  await db.execute(sql`vacuum analyze`);
  const sample = await db.select({ id: statements.id }).from(statements).orderBy(statements.id).limit(200);
  await closeDb();
  console.log(JSON.stringify({ code: election.code, ids: sample.map((s) => s.id), vocabulary }));
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
