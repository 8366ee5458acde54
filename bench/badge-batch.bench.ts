/**
 * A mission's badges printed at once (issue 6, "Badges"): the A4 batch PDF of 500 badges in at most
 * 15 s. Measured in-process on the renderer the route calls (lib/badges/pdf.ts), from the stored
 * photos (1200 px JPEGs, as lib/files/photo.ts keeps them) to the PDF's bytes: shrinking each
 * photo to print size, then drawing, embedding and saving. The route adds one query for the
 * badges, one per hundred photos and an audit event, which this does not time. Tokens are signed
 * with a fresh Ed25519 key so the QR codes are as large as real ones. Beside it, in the same run:
 * the baseline, one badge alone, the same work for one holder; the batch should cost about 500
 * times that and no more (nothing in it may grow faster than the number of badges).
 *
 * Run with `npm run bench` or `npx tsx bench/badge-batch.bench.ts`; not part of `npm test`.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import sharp from "sharp";
import { observerRoles } from "@/lib/accreditation/vocabulary";
import { signingKeyFromSeed } from "@/lib/badges/key-material";
import { badgePhoto, renderBadge, renderBadgeSheet, type BadgeHolder, type BadgeMission } from "@/lib/badges/pdf";
import { badgeLabels } from "@/lib/badges/pdf-labels";
import { badgeClaimsFor, signBadgeToken } from "@/lib/badges/token";
import { recordResults } from "./harness";

const BUDGET_MS = 15_000;
const BADGES = 500;
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const mission: BadgeMission = {
  organizationAcronym: "OSCE/ODIHR",
  organizationName: "OSCE Office for Democratic Institutions and Human Rights",
  missionName: "OSCE/ODIHR Election Observation Mission",
  electionTitles: {
    tk: "Mejlisiň deputatlarynyň möhletinden öň saýlawlary",
    ru: "Досрочные выборы депутатов Меджлиса Туркменистана",
    en: "Early elections of deputies of the Mejlis of Turkmenistan",
  },
  validFrom: "2024-06-20",
  validUntil: "2024-07-10",
};

async function storedPhotos() {
  // A few distinct faces' worth of bytes: a gradient each, so JPEG has something to encode.
  return Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      sharp({ create: { width: 900, height: 1200, channels: 3, background: { r: 40 + i * 20, g: 90, b: 160 - i * 10 } } })
        .composite([{ input: Buffer.from(`<svg width="900" height="1200"><circle cx="450" cy="500" r="${250 + i * 10}" fill="#e0c0a0"/></svg>`) }])
        .jpeg({ quality: 85 })
        .toBuffer(),
    ),
  );
}

async function holders(photos: Buffer[]) {
  const { privateKey } = generateKeyPairSync("ed25519");
  const key = signingKeyFromSeed(privateKey.export({ format: "der", type: "pkcs8" }).subarray(-32));
  return Promise.all(
    Array.from({ length: BADGES }, async (_, i) => {
      const accreditationNumber = `EMJ-2024-${String(i + 1).padStart(4, "0")}`;
      const subject = {
        badgeId: randomBytes(16).toString("base64url"),
        accreditationNumber,
        surname: ["Nowak", "Müller", "O'Neill", "Dubois", "Jørgensen"][i % 5]!,
        givenNames: ["Piotr", "Anna Maria", "Siobhan", "Jean-Luc", "Lars"][i % 5]!,
        cyrillicName: i % 2 ? "Анна Мария Мюллер" : null,
        organizationAcronym: mission.organizationAcronym,
        role: observerRoles[i % observerRoles.length]!,
        electionCode: "EMJ-2024",
        electionTitleEn: mission.electionTitles.en,
        observationStartsOn: mission.validFrom,
        observationEndsOn: mission.validUntil,
        photoSha256: "ab".repeat(32),
      };
      const token = await signBadgeToken(badgeClaimsFor(subject, new Date()), key);
      return { ...subject, stored: photos[i % photos.length]!, verificationUrl: `https://portal.example/tk/verify?${new URLSearchParams({ t: token })}` };
    }),
  );
}

type Source = Awaited<ReturnType<typeof holders>>[number];

/** What the route does after its query: shrink the stored photos (in sharp's threads) while the badges are drawn. */
function print(sources: Source[]) {
  const holders: BadgeHolder[] = sources.map((source) => ({ ...source, photo: badgePhoto(source.stored) }));
  return holders.length === 1 ? renderBadge(mission, holders[0]!, badgeLabels, "Badge") : renderBadgeSheet(mission, holders, badgeLabels, "Badges");
}

async function timed(sources: Source[]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const bytes = await print(sources);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes: bytes.length };
}

async function main() {
  const sources = await holders(await storedPhotos());
  console.log(`token length: ${sources[0]!.verificationUrl.length} characters in the QR code`);
  await timed(sources.slice(0, 1)); // warm-up: fonts read, code compiled

  const one: number[] = [];
  const batch: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    one.push((await timed(sources.slice(0, 1))).ms);
    const result = await timed(sources);
    batch.push(result.ms);
    cpu.push(result.cpuMs);
    size = result.bytes;
  }
  const baseline = median(one);
  const measured = median(batch);
  console.log(`baseline, one badge: median ${baseline.toFixed(0)} ms`);
  console.log(`${BADGES} badges on A4: median ${measured.toFixed(0)} ms (runs ${batch.map((ms) => ms.toFixed(0)).join(", ")}), ${(size / 1024 / 1024).toFixed(1)} MiB, ${(measured / BADGES).toFixed(1)} ms a badge`);
  // CPU time (all threads, sharp's too) is steadier than wall time when the machine is shared.
  console.log(`CPU time of the batch: median ${median(cpu).toFixed(0)} ms on ${availableParallelism()} cores`);
  console.log(`ratio to the baseline: ${(measured / baseline).toFixed(0)}× for ${BADGES}× the badges`);
  const met = measured <= BUDGET_MS;
  console.log(`budget: ${BADGES} badges in ≤ ${BUDGET_MS / 1000} s: ${met ? "met" : "NOT MET"}`);
  const row = { bench: "badge batch", engine: "in-process", unit: "run" as const, clients: 1, errors: 0, perSecond: null, peakRssMb: process.memoryUsage().rss / 1024 / 1024 };
  recordResults([
    { ...row, target: "one badge (baseline)", baseline: true, p50: baseline, p95: Math.max(...one), p99: Math.max(...one), verdict: "" },
    { ...row, target: `${BADGES} badges on A4`, baseline: false, p50: measured, p95: Math.max(...batch), p99: Math.max(...batch), verdict: `≤ ${BUDGET_MS / 1000} s: ${met ? "met" : "NOT MET"}` },
  ]);
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
