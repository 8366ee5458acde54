import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import ICAL from "ical.js";
import { dayPlus, newOpenElection, submittedApplication, type TestElection } from "../accreditation/factories";
import { signInAs } from "../fixtures";

/** The first working day (Monday to Friday) at least `days` ahead in Ashgabat, as yyyy-mm-dd. */
export function workingDayPlus(days: number) {
  let day = dayPlus(days);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = dayPlus(++days);
  return day;
}

/**
 * A fresh election (observed from 20 to 55 days ahead) to which the demo coordinator (OSCE/ODIHR)
 * has submitted an application: the mission may now request meetings.
 */
export async function missionThatMayMeet(browser: Browser, options: { observationStartsInDays?: number } = {}): Promise<{ election: TestElection; missionId: string }> {
  const election = await newOpenElection(browser, "Mejlis by-election", options);
  const { missionId } = await submittedApplication(browser, election, { count: 1, prefix: "MT" });
  return { election, missionId };
}

/** The coordinator fills in and sends the request form for the election's mission. */
export async function requestMeeting(page: Page, election: TestElection, topic: string, windows: string[]) {
  await page.goto("/en/portal/meetings/new");
  await page.getByLabel("Mission", { exact: true }).selectOption({ label: `OSCE/ODIHR Election Assessment Mission — ${election.title}` });
  await page.getByLabel("Topic").fill(topic);
  await page.getByLabel("Agenda").fill("Deployment of long-term observers\nAccess to polling stations");
  await page.getByLabel("Size of the delegation").fill("4");
  await page.getByLabel("Interpreter").selectOption({ label: "Russian" });
  await page.getByLabel("Duration").selectOption({ label: "60 minutes" });
  const labels = ["First choice", "Second choice (optional)", "Third choice (optional)"];
  for (const [i, value] of windows.entries()) await page.getByLabel(labels[i]!, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Send the request" }).click();
}

/** The demo coordinator, signed in on `page`, requests a meeting at one time; returns the meeting page's path. */
export async function requestedMeeting(page: Page, election: TestElection, topic: string, time: string) {
  await signInAs(page, "coordinator");
  await requestMeeting(page, election, topic, [time]);
  await expect(page.getByRole("status")).toHaveText("Your request has been sent to the commission.");
  return new URL(page.url()).pathname;
}

/** An Ashgabat wall-clock time as the English pages show it on another zone's clock, e.g. "6:00 AM". */
export function clockIn(timeZone: string, day: string, time: string) {
  return new Intl.DateTimeFormat("en", { timeZone, timeStyle: "short" }).format(new Date(`${day}T${time}:00+05:00`));
}

export { expect };

/** Staff open the request by its topic and confirm its first time in the first room on the list. */
export async function confirmAsStaff(browser: Browser, topic: string) {
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "reviewer");
  await staff.goto("/en/commission/meetings");
  await staff.getByRole("row").filter({ hasText: topic }).getByRole("link", { name: topic }).click();
  const confirm = staff.getByRole("form", { name: "Confirm a time" });
  await confirm.getByRole("radio").first().check();
  await confirm.getByLabel("Room").selectOption({ index: 1 });
  await confirm.getByRole("button", { name: "Confirm the meeting" }).click();
  await expect(staff.getByRole("status")).toHaveText("The meeting is confirmed.");
  return staff;
}

/** The one event of an iCalendar file, as an independent parser (ical.js) reads it. */
export function calendarEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    status: event.component.getFirstPropertyValue("status"),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
  };
}
