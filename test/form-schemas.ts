import { z } from "zod";
import * as accounts from "@/lib/accounts/schemas";
import * as missionSchemas from "@/lib/accreditation/mission-schema";
import * as observerSchemas from "@/lib/accreditation/observer-schema";
import * as review from "@/lib/accreditation/review/schemas";
import * as audit from "@/lib/audit/schemas";
import * as badges from "@/lib/badges/schemas";
import * as elections from "@/lib/elections/schemas";
import * as email from "@/lib/email/schemas";
import * as invitations from "@/lib/identity/invitation-schemas";
import { newPasswordSchema } from "@/lib/identity/password-rules";
import * as identity from "@/lib/identity/schemas";
import * as meetingResources from "@/lib/meetings/resource-schemas";
import * as meetings from "@/lib/meetings/schemas";
import * as observers from "@/lib/observers/schemas";
import * as organizations from "@/lib/organizations/schemas";
import * as statements from "@/lib/statements/schemas";

/** Every zod schema the schema modules export, by name; schemas built per account are built for one. */
export const formSchemas: [string, z.ZodType][] = [
  ...[accounts, missionSchemas, observerSchemas, review, audit, badges, elections, email, invitations, identity, meetingResources, meetings, observers, organizations, statements].flatMap(
    (module) => Object.entries(module).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType),
  ),
  ["newPasswordSchema", newPasswordSchema("amina.yusupova@osce.example")],
  ["acceptanceSchema", invitations.acceptanceSchema("amina.yusupova@osce.example")],
  ["observerPasswordSchema", observers.observerPasswordSchema("amina.yusupova@osce.example")],
];

/** The fields of an object schema, looking through refinements, pipes and catches; none for a single value. */
export function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.in as z.ZodType);
  if (schema instanceof z.ZodIntersection) return [...fieldsOf(schema.def.left as z.ZodType), ...fieldsOf(schema.def.right as z.ZodType)];
  if (schema instanceof z.ZodCatch || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return fieldsOf(schema.unwrap() as z.ZodType);
  return [];
}
