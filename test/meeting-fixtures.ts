import { addDays, ashgabatInstant, todayInAshgabat } from "@/lib/dates";
import { meetingRequestSchema, type MeetingRequestInput } from "@/lib/meetings/schemas";
import { ashgabatParts } from "@/lib/meetings/time";
import { accreditationData } from "./accreditation-fixtures";
import type { testData } from "./db-fixtures";

/** The first working day (Monday to Friday) at least `days` ahead, as yyyy-mm-dd. */
export function workingDayAhead(days: number) {
  let day = addDays(todayInAshgabat(), days);
  while (ashgabatParts(ashgabatInstant(day, "12:00")).weekday > 5) day = addDays(day, 1);
  return day;
}

/** Meetings on top of the accreditation fixtures: a mission that may meet, and a valid request. */
export function meetingData(data: ReturnType<typeof testData>) {
  const accreditation = accreditationData(data);

  /** A coordinator's mission whose application is submitted, in a new open election (observed from 5 to 40 days ahead). */
  async function missionThatMayMeet() {
    const draft = await accreditation.draftApplication();
    await accreditation.setMissionStatus(draft.missionId, "submitted");
    return draft;
  }

  function requestInput(missionId: string, overrides: Partial<Record<keyof MeetingRequestInput, unknown>> = {}): MeetingRequestInput {
    return meetingRequestSchema.parse({
      missionId,
      topic: "Preparations for election day",
      agenda: "Deployment of long-term observers\nAccess to polling stations",
      officialIds: [],
      delegationSize: "4",
      interpreterLanguage: "ru",
      durationMinutes: "60",
      window1: `${workingDayAhead(10)}T10:00`,
      window2: "",
      window3: "",
      ...overrides,
    });
  }

  return { ...accreditation, missionThatMayMeet, requestInput };
}
