import { randomBytes } from "node:crypto";
import type { BadgeSubject } from "@/lib/badges/token";

/** An accredited observer of a 2027 election as a badge names them; each call a new badge id. */
export function badgeSubject(overrides: Partial<BadgeSubject> = {}): BadgeSubject {
  return {
    badgeId: randomBytes(16).toString("base64url"),
    accreditationNumber: "MEJ-2027-0042",
    surname: "Lindqvist",
    givenNames: "Anna Maria",
    cyrillicName: "Линдквист Анна Мария",
    organizationAcronym: "OSCE/ODIHR",
    role: "head_of_mission",
    electionCode: "MEJ-2027",
    electionTitleEn: "Parliamentary elections 2027",
    observationStartsOn: "2027-03-01",
    observationEndsOn: "2027-03-31",
    photoSha256: null,
    ...overrides,
  };
}
