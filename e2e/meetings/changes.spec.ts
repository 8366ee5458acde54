import { expect, test } from "@playwright/test";
import { demoAccounts, errorSummary, expectNoAxeViolations } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { calendarEvent, confirmAsStaff, missionThatMayMeet, requestedMeeting, workingDayPlus } from "./helpers";

test("a confirmed meeting cancelled by the mission reaches both sides with a calendar file that cancels it, and the private feed follows", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const { election } = await missionThatMayMeet(browser);
  const topic = `Counting procedures ${Math.random().toString(36).slice(2, 7)}`;
  const day = workingDayPlus(28);
  const meetingPath = await requestedMeeting(page, election, topic, `${day}T10:00`);

  const confirmedAt = new Date();
  const staff = await confirmAsStaff(browser, topic);
  await staff.context().close();
  const coordinatorEmail = demoAccounts.coordinator.email;
  const confirmation = await waitForEmail(coordinatorEmail, { subjectIncludes: `Meeting confirmed: ${topic}`, since: confirmedAt });
  const invitation = calendarEvent(confirmation.attachments.find((a) => a.filename === "meeting.ics")!.content);
  // 10:00 in Ashgabat (UTC+5) is 05:00 UTC.
  expect(invitation).toMatchObject({ method: "REQUEST", start: `${day}T05:00:00.000Z`, end: `${day}T06:00:00.000Z`, sequence: 1 });

  // The coordinator's private calendar address lists the meeting.
  await page.goto("/en/portal/meetings");
  await page.getByRole("button", { name: "Make a calendar address" }).click();
  const address = await page.getByLabel("Your private calendar address").inputValue();
  expect(address).toMatch(/\/api\/meetings\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
  await expectNoAxeViolations(page);
  const feed = await (await page.request.get(address)).text();
  expect(feed).toContain(invitation.uid);

  // The coordinator cancels: a reason is required, then both sides are told in their own language.
  await page.goto(meetingPath);
  const cancel = page.getByRole("form", { name: "Cancel the meeting" });
  await cancel.getByRole("button", { name: "Cancel the meeting" }).click();
  await expect(cancel.locator(".field__error")).toHaveText("This field is required.");
  const cancelledAt = new Date();
  await cancel.getByLabel("Reason").fill("Our delegation's flight was cancelled");
  await cancel.getByRole("button", { name: "Cancel the meeting" }).click();
  await expect(page.getByRole("status")).toHaveText("The meeting is cancelled. Both sides have been told.");
  await expect(page.getByText("Reason: Our delegation's flight was cancelled")).toBeVisible();

  const toMission = await waitForEmail(coordinatorEmail, { subjectIncludes: `Meeting cancelled: ${topic}`, since: cancelledAt });
  const toStaff = await waitForEmail(demoAccounts.reviewer.email, { subjectIncludes: `Duşuşyk ýatyryldy: ${topic}`, since: cancelledAt });
  for (const email of [toMission, toStaff]) {
    expect(email.text).toContain("Our delegation's flight was cancelled");
    const cancellation = calendarEvent(email.attachments.find((a) => a.filename === "meeting.ics")!.content);
    expect(cancellation).toEqual({ ...invitation, method: "CANCEL", status: "CANCELLED", sequence: 2 });
  }
  expect(await (await page.request.get(address)).text()).toContain("STATUS:CANCELLED");
});

test("the mission asks for a new time for a confirmed meeting: the slot is cancelled in both calendars and the request is back with the commission", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const { election } = await missionThatMayMeet(browser);
  const topic = `Media accreditation ${Math.random().toString(36).slice(2, 7)}`;
  const day = workingDayPlus(31);
  const meetingPath = await requestedMeeting(page, election, topic, `${day}T11:00`);
  const staff = await confirmAsStaff(browser, topic);
  await staff.context().close();

  await page.goto(meetingPath);
  const ask = page.getByRole("form", { name: "Ask for a new time" });
  await expect(ask.getByText("Working hours: Monday–Friday 09:00–18:00.")).toBeVisible();
  await ask.getByLabel("Reason").fill("The head of mission arrives a day later");
  await ask.getByLabel("First choice", { exact: true }).fill(`${day}T19:00`);
  await ask.getByRole("button", { name: "Ask for these times" }).click();
  await expect(ask.locator("#new-time-window1-error")).toContainText("working hours");
  await expect(ask.getByLabel("Reason")).toHaveValue("The head of mission arrives a day later");
  const askedAt = new Date();
  await ask.getByLabel("First choice", { exact: true }).fill(`${day}T14:00`);
  await ask.getByRole("button", { name: "Ask for these times" }).click();
  await expect(page.getByRole("status")).toHaveText("Your request for a new time has been sent to the commission.");
  await expect(page.getByText("Requested", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const toStaff = await waitForEmail(demoAccounts.reviewer.email, { subjectIncludes: `Duşuşyk üçin täze wagt soraldy: ${topic}`, since: askedAt });
  expect(toStaff.text).toContain("The head of mission arrives a day later");
  expect(calendarEvent(toStaff.attachments[0]!.content)).toMatchObject({ method: "CANCEL", sequence: 2, start: `${day}T06:00:00.000Z` });
  await waitForEmail(demoAccounts.coordinator.email, { subjectIncludes: `A new time is asked for the meeting: ${topic}`, since: askedAt });
});

test("staff move a confirmed meeting only with a reason, which the mission reads with the new time", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const { election } = await missionThatMayMeet(browser);
  const topic = `Postal voting ${Math.random().toString(36).slice(2, 7)}`;
  const day = workingDayPlus(35);
  const meetingPath = await requestedMeeting(page, election, topic, `${day}T12:00`);
  const staff = await confirmAsStaff(browser, topic);

  const move = staff.getByRole("form", { name: "Propose other times" });
  await move.getByLabel("First time").fill(`${day}T16:30`);
  await move.getByLabel("Room").selectOption({ index: 1 });
  await move.getByRole("button", { name: "Propose these times" }).click();
  await expect(errorSummary(staff).getByRole("link")).toHaveText(["Reason for moving the meeting: This field is required."]);
  await expect(move.getByLabel("First time")).toHaveValue(`${day}T16:30`);
  await expectNoAxeViolations(staff);
  const reason = "The chairman is called to a session of the Mejlis.";
  await move.getByLabel("Reason for moving the meeting").fill(reason);
  await move.getByRole("button", { name: "Propose these times" }).click();
  await expect(staff.getByRole("status")).toHaveText("The times were proposed to the mission.");
  await staff.context().close();

  await page.goto(meetingPath);
  await expect(page.getByText(`Reason: ${reason}`)).toBeVisible();
  expect((await waitForEmail(demoAccounts.coordinator.email, { subjectIncludes: `Other times proposed for the meeting: ${topic}` })).text).toContain(reason);
});
