import { asc, eq, inArray, like, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { elections, emailOutbox, files, missions, missionSubmissions, observers } from "@/db/schema";
import { attachLetter, saveMissionDetails, startApplication, submitApplication } from "@/lib/accreditation/applications";
import { missionDetailsSchema, type MissionDetailsInput } from "@/lib/accreditation/mission-schema";
import { addObserver } from "@/lib/accreditation/observer-changes";
import { observerSchema, type ObserverField, type ObserverInput } from "@/lib/accreditation/observer-schema";
import type { Coordinator } from "@/lib/accreditation/scope";
import type { ApplicationStatus, ObserverStatus } from "@/lib/accreditation/transitions";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { processPhoto, type ProcessedPhoto } from "@/lib/files/photo";
import { makeImage, makePdf } from "./images";
import type { testData } from "./db-fixtures";

type ElectionDates = { observationStartsOn: string; observationEndsOn: string };

/**
 * Applications, observers and their inputs for the accreditation tests, on top of `testData()`
 * (whose `cleanUp` removes them with the organizations and elections they belong to).
 */
export function accreditationData(data: ReturnType<typeof testData>) {
  /** A coordinator as the data functions take the actor: of a new organization unless one is given. */
  async function coordinator(organizationId?: string): Promise<Coordinator & { email: string; organizationId: string }> {
    const row = await data.user("coordinator", organizationId ? { organizationId } : {});
    return { id: row.id, role: row.role, email: row.email, organizationId: row.organizationId! };
  }

  /** A new coordinator's draft application to a new open election (or to the one given). */
  async function draftApplication(options: { election?: Awaited<ReturnType<typeof data.election>>; actor?: Awaited<ReturnType<typeof coordinator>> } = {}) {
    const election = options.election ?? (await data.election());
    const actor = options.actor ?? (await coordinator());
    const started = await startApplication(actor, election.id, null);
    if (!started.ok) throw new Error(`expected the application to start: ${started.refusal}`);
    return { election, actor, missionId: started.missionId };
  }

  /** A complete, valid observer for the election, run through the form's schema as the Server Action does. */
  function observerInput(election: ElectionDates, overrides: Partial<Record<ObserverField, string>> = {}): ObserverInput {
    return observerSchema.parse({
      surname: "Lindqvist",
      givenNames: "Anna Maria",
      sex: "female",
      dateOfBirth: "1980-05-17",
      nationality: "SE",
      passportNumber: data.unique("P").toUpperCase(),
      passportExpiresOn: addDays(todayInAshgabat(), 5 * 365),
      role: "short_term_observer",
      arrivalOn: addDays(election.observationStartsOn, 1),
      departureOn: addDays(election.observationEndsOn, -1),
      ...overrides,
    });
  }

  function missionDetails(election: ElectionDates, overrides: Partial<Record<keyof MissionDetailsInput, unknown>> = {}): MissionDetailsInput {
    return missionDetailsSchema.parse({
      name: `Mission ${data.token}`,
      type: "limited_observation_mission",
      plannedArrivalOn: addDays(election.observationStartsOn, 1),
      plannedDepartureOn: addDays(election.observationEndsOn, -1),
      regions: ["ashgabat", "mary"],
      contactPerson: "Ingrid Larsen",
      phone: "+46 70 123 45 67",
      email: `contact-${data.token}@mission.example`,
      workingLanguages: ["en", "ru"],
      ...overrides,
    });
  }

  let cachedPhoto: ProcessedPhoto | undefined;
  /** A valid passport-style photo, processed as an upload is. */
  async function photo() {
    if (cachedPhoto) return cachedPhoto;
    const processed = await processPhoto(await makeImage(450, 600));
    if (!processed.ok) throw new Error(`expected the photo to be accepted: ${processed.error}`);
    cachedPhoto = processed.photo;
    return cachedPhoto;
  }

  /** Surnames given to observers when only their number is asked for, in the order they are added. */
  const defaultSurnames = ["Andersen", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jensen", "Kowalski", "Larsen"];

  /**
   * An application ready to submit, made the way a coordinator makes one: the details, the letter
   * and observers with photos (the first is the head of mission). `observers` gives each
   * observer's fields (a surname is enough), or how many to add with the default surnames;
   * `observerIds` follow that order.
   */
  async function completeDraft(
    options: Parameters<typeof draftApplication>[0] & {
      observers?: number | Partial<Record<ObserverField, string>>[];
      details?: Partial<Record<keyof MissionDetailsInput, unknown>>;
    } = {},
  ) {
    const draft = await draftApplication(options);
    const { actor, missionId, election } = draft;
    const saved = await saveMissionDetails(actor, missionId, missionDetails(election, options.details), null);
    if (!saved.ok) throw new Error(`expected the details to be saved: ${JSON.stringify(saved)}`);
    const attached = await attachLetter(actor, missionId, { bytes: makePdf(), name: "request.pdf" }, null);
    if (!attached.ok) throw new Error(`expected the letter to be attached: ${JSON.stringify(attached)}`);
    const specs =
      typeof options.observers === "object" ? options.observers : defaultSurnames.slice(0, options.observers ?? 2).map((surname) => ({ surname }));
    const observerIds: string[] = [];
    for (const [index, spec] of specs.entries()) {
      const input = observerInput(election, { ...(index === 0 && { role: "head_of_mission" }), ...spec });
      const added = await addObserver(actor, missionId, input, await photo(), null);
      if (!added.ok) throw new Error(`expected the observer to be added: ${JSON.stringify(added)}`);
      observerIds.push(added.observerId);
    }
    return { ...draft, observerIds };
  }

  /** A complete application (see `completeDraft`), submitted. */
  async function submittedApplication(options: Parameters<typeof completeDraft>[0] = {}) {
    const draft = await completeDraft(options);
    const submitted = await submitApplication(draft.actor, draft.missionId, null);
    if (!submitted.ok) throw new Error(`expected the application to be submitted: ${JSON.stringify(submitted)}`);
    return draft;
  }

  /** The observers at their current versions, as the reviewer's checkboxes send them. */
  async function seen(observerIds: string[]) {
    const rows = await getDb().select({ id: observers.id, version: observers.version }).from(observers).where(inArray(observers.id, observerIds));
    const versions = new Map(rows.map((row) => [row.id, row.version]));
    return observerIds.map((observerId) => ({ observerId, version: versions.get(observerId)! }));
  }

  /** The version of the application a reviewer sees now. */
  async function missionVersion(missionId: string) {
    return (await missionRow(missionId))!.version;
  }

  /** How many accreditation numbers the election has given. */
  async function accreditationSequence(electionId: string) {
    const [row] = await getDb().select({ sequence: elections.accreditationSequence }).from(elections).where(eq(elections.id, electionId));
    return row!.sequence;
  }

  /** Set straight in the table: the state of the record as given, without the decision that leads there. */
  /** Any status but draft stands for an application the coordinator submitted once (the commission sees it). */
  async function setMissionStatus(missionId: string, status: ApplicationStatus) {
    const submittedAt = status === "draft" ? {} : { submittedAt: sql`coalesce(${missions.submittedAt}, now())` };
    await getDb()
      .update(missions)
      .set({ status, ...submittedAt })
      .where(eq(missions.id, missionId));
  }

  async function setObserverStatus(observerId: string, status: ObserverStatus) {
    await getDb().update(observers).set({ status }).where(eq(observers.id, observerId));
  }

  async function missionRow(missionId: string) {
    const [row] = await getDb().select().from(missions).where(eq(missions.id, missionId));
    return row;
  }

  /** The mission's observer rows as stored, by surname and passport. */
  async function observersOf(missionId: string) {
    return getDb().select().from(observers).where(eq(observers.missionId, missionId)).orderBy(asc(observers.surname), asc(observers.passportNumber));
  }

  async function observerRow(observerId: string) {
    const [row] = await getDb().select().from(observers).where(eq(observers.id, observerId));
    return row;
  }

  async function submissionsOf(missionId: string) {
    return getDb().select().from(missionSubmissions).where(eq(missionSubmissions.missionId, missionId)).orderBy(asc(missionSubmissions.number));
  }

  /** The files a user uploaded (without their bytes). */
  async function filesUploadedBy(userId: string) {
    return getDb()
      .select({ id: files.id, kind: files.kind, mediaType: files.mediaType, width: files.width, height: files.height })
      .from(files)
      .where(eq(files.uploadedBy, userId));
  }

  /** Emails queued to one address. */
  async function emailsTo(address: string) {
    return getDb()
      .select({ template: emailOutbox.template, locale: emailOutbox.locale, subject: emailOutbox.subject, textBody: emailOutbox.textBody })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, address));
  }

  /** Every email queued to this test file's addresses. */
  async function emailsOfThisFile() {
    return getDb()
      .select({ to: emailOutbox.toAddress, template: emailOutbox.template })
      .from(emailOutbox)
      .where(like(emailOutbox.toAddress, `%${data.token}%`));
  }

  return {
    coordinator,
    draftApplication,
    completeDraft,
    submittedApplication,
    seen,
    missionVersion,
    accreditationSequence,
    observerInput,
    missionDetails,
    photo,
    setMissionStatus,
    setObserverStatus,
    missionRow,
    observersOf,
    observerRow,
    submissionsOf,
    filesUploadedBy,
    emailsTo,
    emailsOfThisFile,
  };
}
