import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { elections } from "@/db/schema";
import { changedFields, recordedFields } from "@/lib/audit/changes";
import { writeAuditEvent } from "@/lib/audit/record";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { publicationAfter } from "./rules";
import { instantOfAshgabatDateTime, observerNamesPublished, type ElectionInput } from "./schemas";

type Admin = { id: string; role: Role };

export type ElectionSaveResult = { ok: true; id: string } | { ok: false; error: "codeTaken" } | { ok: false; error: "notFound" };

/** The columns an election's form sets directly; its status goes through publicationAfter. */
function columnsOf(input: ElectionInput) {
  return {
    code: input.code,
    type: input.type,
    titleTk: input.titleTk,
    titleRu: input.titleRu,
    titleEn: input.titleEn,
    electionDay: input.electionDay,
    observationStartsOn: input.observationStartsOn,
    observationEndsOn: input.observationEndsOn,
    decisionWorkingDays: Number(input.decisionWorkingDays),
    publishObserverNames: observerNamesPublished(input),
    // The schema has checked both values; a null here would be a bug, and the NOT NULL column refuses it.
    accreditationOpensAt: instantOfAshgabatDateTime(input.accreditationOpensAt)!,
    accreditationClosesAt: instantOfAshgabatDateTime(input.accreditationClosesAt)!,
  };
}

/** Codes compare as written in capitals, which the schema ensures. */
async function isCodeTaken(tx: Transaction, code: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: elections.id })
    .from(elections)
    .where(exceptId ? and(eq(elections.code, code), ne(elections.id, exceptId)) : eq(elections.code, code))
    .limit(1);
  return Boolean(row);
}

// Two admins saving the same new code at once: the unique index refuses the second.
function isUniqueViolation(error: unknown) {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

async function codeTakenOnConflict<T>(save: () => Promise<T>): Promise<T | { ok: false; error: "codeTaken" }> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "codeTaken" };
    throw error;
  }
}

/** Creates an election (draft or published) and its audit event together. */
export async function createElection(actor: Admin, input: ElectionInput, ip: string | null): Promise<ElectionSaveResult> {
  assertPermission(actor, "manage:elections");
  const values = { ...columnsOf(input), ...publicationAfter(null, input.status, new Date()) };
  return codeTakenOnConflict(() =>
    getDb().transaction(async (tx): Promise<ElectionSaveResult> => {
      if (await isCodeTaken(tx, values.code)) return { ok: false, error: "codeTaken" };
      const [created] = await tx.insert(elections).values(values).returning({ id: elections.id });
      await writeAuditEvent(tx, {
        actor,
        action: "election.created",
        entityType: "election",
        entityId: created!.id,
        ip,
        details: { fields: recordedFields(values) },
      });
      return { ok: true, id: created!.id };
    }),
  );
}

/** Saves an edited election; publishing stamps published_at. The audit event lists each change. */
export async function updateElection(actor: Admin, electionId: string, input: ElectionInput, ip: string | null): Promise<ElectionSaveResult> {
  assertPermission(actor, "manage:elections");
  const columns = columnsOf(input);
  return codeTakenOnConflict(() =>
    getDb().transaction(async (tx): Promise<ElectionSaveResult> => {
      const [before] = await tx
        .select({
          code: elections.code,
          type: elections.type,
          titleTk: elections.titleTk,
          titleRu: elections.titleRu,
          titleEn: elections.titleEn,
          electionDay: elections.electionDay,
          accreditationOpensAt: elections.accreditationOpensAt,
          accreditationClosesAt: elections.accreditationClosesAt,
          observationStartsOn: elections.observationStartsOn,
          observationEndsOn: elections.observationEndsOn,
          decisionWorkingDays: elections.decisionWorkingDays,
          publishObserverNames: elections.publishObserverNames,
          status: elections.status,
          publishedAt: elections.publishedAt,
        })
        .from(elections)
        .where(eq(elections.id, electionId))
        .for("update");
      if (!before) return { ok: false, error: "notFound" };
      if (await isCodeTaken(tx, columns.code, electionId)) return { ok: false, error: "codeTaken" };
      const after = { ...columns, ...publicationAfter(before, input.status, new Date()) };
      const changes = changedFields(before, after);
      if (Object.keys(changes).length === 0) return { ok: true, id: electionId };
      await tx
        .update(elections)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(elections.id, electionId));
      await writeAuditEvent(tx, { actor, action: "election.updated", entityType: "election", entityId: electionId, ip, details: { changes } });
      return { ok: true, id: electionId };
    }),
  );
}
