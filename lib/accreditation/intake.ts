import { fieldErrorsOf, type FieldErrors, type ValidationKey } from "@/lib/forms";
import type { IntakeCode } from "./intake-codes";
import { observerSchema, type ObserverField, type ObserverInput } from "./observer-schema";
import { normalizePassportNumber } from "./schema-fields";

/**
 * Intake checks: the rules an observer or a whole application must meet that the form schema
 * cannot see alone (the election's dates, the other observers, other missions' applications).
 * Each finding names a field, a message key of the `validation` namespace and who may see it:
 * "coordinator" findings are shown to both sides, "staff" findings only to the commission.
 * Errors block submission; warnings only inform.
 */

export type IntakeIssue = {
  field: string;
  /** A key of the `validation` namespace (a schema's key when the record itself is incomplete). */
  code: IntakeCode | ValidationKey;
  severity: "error" | "warning";
  audience: "coordinator" | "staff";
  params?: Record<string, string | number>;
};

/** The election's dates (yyyy-mm-dd, Ashgabat days); observers stay inside the observation window. */
export type ElectionDates = { electionDay: string; observationStartsOn: string; observationEndsOn: string };

/** Only the dates of a larger election record, as a page hands them to a form in the browser. */
export const electionDatesOf = ({ electionDay, observationStartsOn, observationEndsOn }: ElectionDates): ElectionDates => ({
  electionDay,
  observationStartsOn,
  observationEndsOn,
});

type PassportHolder = { passportNumber: string; nationality: string };

export type ObserverIntakeContext = {
  election: ElectionDates;
  /** ISO 3166-1 alpha-2 of the country holding the election. */
  hostCountry: string;
  /** The mission's other observers (the observer checked is skipped by its id if present). */
  otherObserversInMission: (PassportHolder & { id: string })[];
  /**
   * Observers of other organizations' applications for the same election that are neither
   * withdrawn nor refused, in applications that are neither withdrawn nor rejected.
   */
  passportsInOtherActiveApplications: (PassportHolder & { organizationAcronym: string })[];
};

const MINIMUM_AGE = 18;
/** Older than anyone has lived: the year of birth is mistyped. */
const MAXIMUM_AGE = 120;
/** Many states require a passport valid six months beyond entry; the commission wants to know. */
const PASSPORT_MARGIN_MONTHS = 6;

const error = (field: string, code: IntakeCode, params?: IntakeIssue["params"]): IntakeIssue => ({
  field,
  code,
  severity: "error",
  audience: "coordinator",
  ...(params && { params }),
});

/** Calendar months later, clamped to the month's end (2026-08-31 + 6 months = 2027-02-28). */
function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Completed years on a day. Someone born on 29 February completes a year on 1 March in a common
 * year: a year is complete only once its month and day have been reached.
 */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * Arrival strictly before departure, both inside the observation window. Each rule runs when its
 * dates are given: a date still mistyped is the schema's to report.
 */
function checkStay(
  stay: { arrival?: string | undefined; departure?: string | undefined },
  fields: { arrival: string; departure: string },
  election: ElectionDates,
): IntakeIssue[] {
  const issues: IntakeIssue[] = [];
  const window = { from: election.observationStartsOn, to: election.observationEndsOn };
  const outside = (day: string) => day < window.from || day > window.to;
  if (stay.arrival && outside(stay.arrival)) issues.push(error(fields.arrival, "arrivalOutsideObservation", window));
  if (stay.departure && outside(stay.departure)) issues.push(error(fields.departure, "departureOutsideObservation", window));
  if (stay.arrival && stay.departure && stay.departure <= stay.arrival) issues.push(error(fields.departure, "departureNotAfterArrival"));
  return issues;
}

const samePassport = (a: PassportHolder, b: PassportHolder) =>
  normalizePassportNumber(a.passportNumber) === normalizePassportNumber(b.passportNumber) &&
  a.nationality.toUpperCase() === b.nationality.toUpperCase();

/** The planned dates of the mission-details step (those given: see `checkStay`). */
export function checkMissionDates(
  details: { plannedArrivalOn?: string | undefined; plannedDepartureOn?: string | undefined },
  election: ElectionDates,
): IntakeIssue[] {
  return checkStay(
    { arrival: details.plannedArrivalOn, departure: details.plannedDepartureOn },
    { arrival: "plannedArrivalOn", departure: "plannedDepartureOn" },
    election,
  );
}

/** The observer's dates that the rules compare, with each other and with the election's. */
export const observerDateFields = ["dateOfBirth", "passportExpiresOn", "arrivalOn", "departureOn"] as const;
type ObserverDates = Pick<ObserverInput, (typeof observerDateFields)[number]>;

/**
 * The rules that compare an observer's dates. Each runs when the dates it compares are given, so
 * the form can report them in the same round as another field's mistyped value.
 */
export function checkObserverDates(dates: Partial<ObserverDates>, election: ElectionDates): IntakeIssue[] {
  const { dateOfBirth, passportExpiresOn, arrivalOn, departureOn } = dates;
  const issues = checkStay({ arrival: arrivalOn, departure: departureOn }, { arrival: "arrivalOn", departure: "departureOn" }, election);

  if (dateOfBirth) {
    // A year mistyped (2085, 1850) is named as such, not as an age rule. The message names no age:
    // forms carry a field's code only, not its parameters.
    const age = ageOn(dateOfBirth, election.electionDay);
    if (dateOfBirth > election.electionDay) issues.push(error("dateOfBirth", "dateOfBirthAfterElection"));
    else if (age < MINIMUM_AGE) issues.push(error("dateOfBirth", "underage", { electionDay: election.electionDay }));
    else if (age > MAXIMUM_AGE) issues.push(error("dateOfBirth", "dateOfBirthImplausible"));
  }

  if (passportExpiresOn && departureOn) {
    if (passportExpiresOn < departureOn) {
      issues.push(error("passportExpiresOn", "passportExpiresBeforeDeparture"));
    } else if (arrivalOn && passportExpiresOn < addMonths(arrivalOn, PASSPORT_MARGIN_MONTHS)) {
      issues.push({
        field: "passportExpiresOn",
        code: "passportExpiresWithinSixMonths",
        severity: "warning",
        audience: "staff",
      });
    }
  }
  return issues;
}

/** The passport rules: once in the mission, and in no other live application for the election. */
export function checkPassport(
  observer: Pick<ObserverInput, "passportNumber" | "nationality"> & { id?: string | undefined },
  context: Pick<ObserverIntakeContext, "otherObserversInMission" | "passportsInOtherActiveApplications">,
): IntakeIssue[] {
  const issues: IntakeIssue[] = [];
  const twins = context.otherObserversInMission.filter((other) => other.id !== observer.id && samePassport(other, observer));
  if (twins.length > 0) issues.push(error("passportNumber", "passportTwiceInMission"));

  // The coordinator learns that the passport is taken, never by whom: that is another mission's data.
  const elsewhere = context.passportsInOtherActiveApplications.filter((other) => samePassport(other, observer));
  if (elsewhere.length > 0) {
    issues.push(error("passportNumber", "passportInOtherApplication"));
    for (const organization of new Set(elsewhere.map((other) => other.organizationAcronym))) {
      issues.push({
        field: "passportNumber",
        code: "passportInOtherApplicationDetail",
        severity: "error",
        audience: "staff",
        params: { organization },
      });
    }
  }
  return issues;
}

/** Every intake rule for one observer whose record already passed `observerSchema`. */
export function checkObserver(observer: ObserverInput & { id?: string }, context: ObserverIntakeContext): IntakeIssue[] {
  const issues = [...checkObserverDates(observer, context.election), ...checkPassport(observer, context)];
  if (observer.nationality === context.hostCountry.toUpperCase()) {
    issues.push({ field: "nationality", code: "hostCountryNationality", severity: "warning", audience: "staff" });
  }
  return issues;
}

/** An observer as stored, possibly incomplete; null stands for an empty column. */
export type StoredObserver = {
  id: string;
  hasPhoto: boolean;
  values: Partial<Record<ObserverField, string | null>>;
};

export type SubmissionCheck = {
  /** Findings about the application as a whole (field "observers"). */
  issues: IntakeIssue[];
  /** Every observer's findings, in the order given. */
  observers: { id: string; issues: IntakeIssue[] }[];
  canSubmit: boolean;
};

export const hasErrors = (issues: readonly IntakeIssue[]) => issues.some((issue) => issue.severity === "error");

/** What one side may see: the coordinator only their findings, staff everything. */
export function issuesFor(audience: IntakeIssue["audience"], issues: readonly IntakeIssue[]): IntakeIssue[] {
  return audience === "staff" ? [...issues] : issues.filter((issue) => issue.audience === "coordinator");
}

/** The errors a coordinator's form shows, the first one per field. */
export function coordinatorErrors(issues: readonly IntakeIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issuesFor("coordinator", issues)) {
    if (issue.severity === "error") errors[issue.field] ??= issue.code;
  }
  return errors;
}

/**
 * The checks made when the coordinator submits or resubmits: at least one observer, exactly one
 * head of mission, and every observer complete (valid record, photo, no intake error).
 * `observers` are the application's observers that are not withdrawn.
 */
export function checkMissionSubmission(
  observers: readonly StoredObserver[],
  context: Omit<ObserverIntakeContext, "otherObserversInMission">,
): SubmissionCheck {
  const parsed = observers.map((observer) => {
    const values = Object.fromEntries(Object.entries(observer.values).map(([key, value]) => [key, value ?? undefined]));
    return { observer, result: observerSchema.safeParse(values) };
  });
  const holders = parsed.flatMap(({ observer, result }) =>
    result.success ? [{ id: observer.id, passportNumber: result.data.passportNumber, nationality: result.data.nationality }] : [],
  );

  const results = parsed.map(({ observer, result }) => {
    const issues = result.success
      ? checkObserver({ ...result.data, id: observer.id }, { ...context, otherObserversInMission: holders })
      : Object.entries(fieldErrorsOf(result.error)).map(([field, code]): IntakeIssue => ({
          field,
          code,
          severity: "error",
          audience: "coordinator",
        }));
    if (!observer.hasPhoto) issues.push(error("photo", "photoRequired"));
    return { id: observer.id, issues };
  });

  const issues: IntakeIssue[] = [];
  if (observers.length === 0) issues.push(error("observers", "noObservers"));
  const heads = observers.filter((observer) => observer.values.role === "head_of_mission").length;
  if (observers.length > 0 && heads === 0) issues.push(error("observers", "noHeadOfMission"));
  if (heads > 1) issues.push(error("observers", "severalHeadsOfMission", { count: heads }));
  const incomplete = results.filter((result) => hasErrors(result.issues)).length;
  if (incomplete > 0) issues.push(error("observers", "observersIncomplete", { count: incomplete }));

  return { issues, observers: results, canSubmit: !hasErrors(issues) };
}
