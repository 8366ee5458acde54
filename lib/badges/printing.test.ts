import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { saveMissionDetails } from "@/lib/accreditation/applications";
import { addObserver } from "@/lib/accreditation/observer-changes";
import { decideObservers, type Staff } from "@/lib/accreditation/review/decisions";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { getBadgeForPrinting, listMissionBadgesForPrinting } from "./printing";

const data = testData();
const acc = accreditationData(data);
const ip = "198.51.100.9";

let reviewer: Staff;
/** The reviewer as the session gives them to the routes: no organization. */
let staff: Staff & { organizationId: null };
let election: Awaited<ReturnType<typeof data.election>>;

/** A submitted application whose observers (with photos) a reviewer accredits. */
async function accreditedMission(surnames: string[]) {
  const draft = await acc.draftApplication({ election });
  const saved = await saveMissionDetails(draft.actor, draft.missionId, acc.missionDetails(election), ip);
  if (!saved.ok) throw new Error("expected the details to be saved");
  const observerIds: string[] = [];
  for (const [i, surname] of surnames.entries()) {
    const passportNumber = `PR${Date.now() % 1_000_000}${i}`;
    const added = await addObserver(draft.actor, draft.missionId, acc.observerInput(election, { surname, passportNumber }), await acc.photo(), ip);
    if (!added.ok) throw new Error(`expected the observer to be added: ${JSON.stringify(added)}`);
    observerIds.push(added.observerId);
  }
  await acc.setMissionStatus(draft.missionId, "submitted");
  const rows = await Promise.all(observerIds.map((id) => acc.observerRow(id)));
  const decided = await decideObservers(reviewer, draft.missionId, rows.map((row, i) => ({ observerId: observerIds[i]!, version: row!.version })), { kind: "accredit" }, ip);
  if (!decided.ok) throw new Error(`expected the accreditation to pass: ${JSON.stringify(decided)}`);
  return { ...draft, observerIds };
}

setUpTestDatabase(data);

beforeAll(async () => {
  reviewer = await data.user("reviewer");
  staff = { ...reviewer, organizationId: null };
  election = await data.election();
});

describe("a badge to print", () => {
  it("is found for the coordinators of the observer's organization and for staff, with the photo shrunk to print size and the verification URL", async () => {
    const { actor, observerIds } = await accreditedMission(["Lindqvist"]);
    for (const reader of [actor, staff]) {
      const badge = await getBadgeForPrinting(reader, observerIds[0]!);
      expect(badge?.holder.surname).toBe("Lindqvist");
      expect(badge?.holder.verificationUrl).toMatch(/\/tk\/verify\?t=[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(badge?.mission.electionTitles.en).toBe(election.titleEn);
      expect(await sharp((await badge!.holder.photo)!).metadata()).toMatchObject({ format: "jpeg", width: 240, height: 320 });
    }
  });

  it("is not found for another organization's coordinator, for an id that is not one, or once revoked", async () => {
    const { observerIds, missionId } = await accreditedMission(["Okafor"]);
    const stranger = await acc.coordinator();
    expect(await getBadgeForPrinting(stranger, observerIds[0]!)).toBeNull();
    expect(await getBadgeForPrinting(staff, "not-a-uuid")).toBeNull();

    const row = await acc.observerRow(observerIds[0]!);
    const revoked = await decideObservers(reviewer, missionId, [{ observerId: observerIds[0]!, version: row!.version }], { kind: "revoke", reasonCode: "other", reason: "Campaigned at a polling station." }, ip);
    expect(revoked.ok).toBe(true);
    expect(await getBadgeForPrinting(staff, observerIds[0]!)).toBeNull();
  });
});

describe("a mission's badges to print", () => {
  it("are every current badge, in the order of their accreditation numbers, for staff only", async () => {
    const { actor, missionId } = await accreditedMission(["Zeller", "Abara", "Moreau"]);
    const found = await listMissionBadgesForPrinting(staff, missionId);
    expect(found?.holders.map((h) => h.accreditationNumber)).toEqual([...found!.holders.map((h) => h.accreditationNumber)].sort());
    expect(found?.holders).toHaveLength(3);
    await expect(listMissionBadgesForPrinting(actor, missionId)).rejects.toThrow(PermissionDeniedError);
  });
});
