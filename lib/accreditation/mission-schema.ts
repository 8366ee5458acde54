import { z } from "zod";
import { deploymentRegions, missionTypes, workingLanguages } from "./vocabulary";
import { choices, isoDate, phoneNumber, requiredChoice, requiredEmail, requiredText } from "./schema-fields";

/** The mission-details step of an application; the dates are checked against the election in intake.ts. */
export const missionDetailsSchema = z.object({
  name: requiredText(200),
  type: requiredChoice(missionTypes),
  plannedArrivalOn: isoDate(),
  plannedDepartureOn: isoDate(),
  regions: choices(deploymentRegions),
  contactPerson: requiredText(120),
  phone: phoneNumber(),
  email: requiredEmail(),
  workingLanguages: choices(workingLanguages),
});

export type MissionDetailsInput = z.output<typeof missionDetailsSchema>;
