import { z } from "zod";
import { observerRoles, sexes } from "./vocabulary";
import {
  countryCode,
  isoDate,
  optionalCyrillicName,
  optionalEmail,
  passportNumber,
  requiredChoice,
  requiredLatinName,
} from "./schema-fields";

/**
 * One observer as the coordinator enters them (form or spreadsheet row). Rules that need the
 * election or the other observers (dates, age, duplicates) are intake checks in intake.ts.
 */
export const observerSchema = z.object({
  /** As in the passport's Latin-script name fields. */
  surname: requiredLatinName(80),
  givenNames: requiredLatinName(80),
  /** How the name is written in Cyrillic, for Russian-language documents; optional. */
  cyrillicName: optionalCyrillicName(160),
  sex: requiredChoice(sexes),
  dateOfBirth: isoDate(),
  /** ISO 3166-1 alpha-2. */
  nationality: countryCode(),
  passportNumber: passportNumber(),
  passportExpiresOn: isoDate(),
  role: requiredChoice(observerRoles),
  arrivalOn: isoDate(),
  departureOn: isoDate(),
  /** Where the observer's own invitation will go, once observers get accounts. */
  email: optionalEmail(),
});

export type ObserverInput = z.output<typeof observerSchema>;
export type ObserverField = keyof typeof observerSchema.shape;
export const observerFields = Object.keys(observerSchema.shape) as ObserverField[];
