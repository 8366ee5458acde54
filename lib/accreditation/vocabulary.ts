/**
 * The closed lists an application is made of. Codes are stored and exchanged; labels live in
 * the `vocabulary` namespace of messages/*.json (working languages are named by Intl.DisplayNames).
 */

export const missionTypes = [
  "full_observation_mission",
  "limited_observation_mission",
  "election_assessment_mission",
  "needs_assessment_mission",
  "expert_team",
  "parliamentary_delegation",
] as const;
export type MissionType = (typeof missionTypes)[number];

/** Turkmenistan's capital, its city with regional status, and the five welaýatlar. */
export const deploymentRegions = ["ashgabat", "arkadag", "ahal", "balkan", "dashoguz", "lebap", "mary"] as const;
export type DeploymentRegion = (typeof deploymentRegions)[number];

export const observerRoles = [
  "head_of_mission",
  "core_team",
  "long_term_observer",
  "short_term_observer",
  "interpreter",
  "support_staff",
] as const;
export type ObserverRole = (typeof observerRoles)[number];

/** As printed in the passport (ICAO 9303 knows F, M and X; the commission's forms know two). */
export const sexes = ["female", "male"] as const;
export type Sex = (typeof sexes)[number];

/** ISO 639-1 codes of the languages missions commonly work in with the commission. */
export const workingLanguages = [
  "tk",
  "ru",
  "en",
  "tr",
  "fr",
  "de",
  "es",
  "it",
  "zh",
  "ar",
  "fa",
  "uz",
  "kk",
  "ky",
  "tg",
  "az",
  "uk",
  "be",
  "hy",
  "ka",
  "mn",
  "ja",
  "ko",
  "pl",
  "hi",
  "ur",
  "ps",
] as const;

/** Why the commission refuses or revokes an accreditation; the reviewer adds their own words. */
export const decisionReasons = [
  "incomplete_data",
  "invalid_passport",
  "unsuitable_photo",
  "duplicate_accreditation",
  "not_eligible",
  "code_of_conduct",
  "other",
] as const;
export type DecisionReason = (typeof decisionReasons)[number];
