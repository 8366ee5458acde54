import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";
import { organizationKinds } from "@/db/schema/organizations";
import { isCountryCode } from "./countries";

const name = z.string().trim().min(1, "required").max(300, "tooLong").refine(hasNoNul, "invalid");

/** Empty, or an https address with a host (a mission's public site; never http or javascript:). */
function isHttpsUrlOrEmpty(value: string) {
  if (value === "") return true;
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
}

/**
 * Cyrillic letters and digits in groups joined by a space, slash, hyphen or dot ("ИК СНГ",
 * "ОБСЕ/БДИПЧ", "ЦИК РУз"), with at least one letter: the Latin acronym has its own field.
 */
const cyrillicAcronymPattern = /^(?=.*\p{Script=Cyrillic})[\p{Script=Cyrillic}\d]+(?:[ /.-][\p{Script=Cyrillic}\d]+)*$/u;

/** The organization form, on the client and in the Server Action. */
export const organizationSchema = z.object({
  nameTk: name,
  nameRu: name,
  nameEn: name,
  acronym: z.string().trim().min(1, "required").max(32, "tooLong").refine(hasNoNul, "invalid"),
  cyrillicAcronym: z
    .string()
    .trim()
    .max(32, "tooLong")
    .refine((value) => value === "" || cyrillicAcronymPattern.test(value), "cyrillicAcronym")
    .default(""),
  kind: z.enum(organizationKinds, "choose"),
  seatCountry: z.string().refine(isCountryCode, "choose"),
  website: z.string().trim().max(500, "tooLong").refine(isHttpsUrlOrEmpty, "httpsUrl"),
});
export type OrganizationInput = z.infer<typeof organizationSchema>;

export const organizationFields = ["nameTk", "nameRu", "nameEn", "acronym", "cyrillicAcronym", "kind", "seatCountry", "website"] as const;

/** The list's search box: names in any language or an acronym, Latin or Cyrillic. */
export const organizationSearchSchema = z.string().trim().max(100).catch("");
