import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { organizations } from "@/db/schema";
import { changedFields, recordedFields } from "@/lib/audit/changes";
import { writeAuditEvent } from "@/lib/audit/record";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import type { OrganizationInput } from "./schemas";

type Admin = { id: string; role: Role };

function columnsOf(input: OrganizationInput) {
  return { ...input, cyrillicAcronym: input.cyrillicAcronym || null, website: input.website || null };
}

/** Creates an organization and its audit event together. */
export async function createOrganization(actor: Admin, input: OrganizationInput, ip: string | null) {
  assertPermission(actor, "manage:organizations");
  const values = columnsOf(input);
  return getDb().transaction(async (tx) => {
    const [created] = await tx.insert(organizations).values(values).returning({ id: organizations.id });
    await writeAuditEvent(tx, {
      actor,
      action: "organization.created",
      entityType: "organization",
      entityId: created!.id,
      ip,
      details: { fields: recordedFields(values) },
    });
    return { id: created!.id };
  });
}

/**
 * Saves an edited organization; the audit event names each changed field with both values.
 * Null when there is no such organization.
 */
export async function updateOrganization(actor: Admin, organizationId: string, input: OrganizationInput, ip: string | null) {
  assertPermission(actor, "manage:organizations");
  const values = columnsOf(input);
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({
        nameTk: organizations.nameTk,
        nameRu: organizations.nameRu,
        nameEn: organizations.nameEn,
        acronym: organizations.acronym,
        cyrillicAcronym: organizations.cyrillicAcronym,
        kind: organizations.kind,
        seatCountry: organizations.seatCountry,
        website: organizations.website,
      })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update");
    if (!before) return null;
    const changes = changedFields(before, values);
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx
      .update(organizations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(organizations.id, organizationId));
    await writeAuditEvent(tx, { actor, action: "organization.updated", entityType: "organization", entityId: organizationId, ip, details: { changes } });
    return { changed: true };
  });
}
