import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { organizations } from "@/db/schema";

/** Organizations for a select, named in the page's language. */
export async function listOrganizationChoices(locale: "tk" | "ru" | "en") {
  const name = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn }[locale];
  return getDb().select({ id: organizations.id, name }).from(organizations).orderBy(asc(name));
}
