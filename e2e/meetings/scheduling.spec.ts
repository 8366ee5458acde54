import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInAs } from "../fixtures";
import { missionThatMayMeet, requestMeeting, workingDayPlus } from "./helpers";

test("request → the commission proposes another time → the mission accepts it", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const { election } = await missionThatMayMeet(browser);
  const topic = `Observers' access ${Math.random().toString(36).slice(2, 7)}`;
  const day = workingDayPlus(26);
  await signInAs(page, "coordinator");
  await requestMeeting(page, election, topic, [`${day}T10:00`]);
  await expect(page.getByRole("status")).toHaveText("Your request has been sent to the commission.");
  const meetingPath = new URL(page.url()).pathname.replace(/^\/en/, "");

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "reviewer");
  await staff.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Meetings" }).click();
  await staff.getByRole("row").filter({ hasText: topic }).getByRole("link", { name: topic }).click();
  await expectNoAxeViolations(staff);
  // A time outside working hours is refused at its field; then two times are proposed with a room.
  const propose = staff.getByRole("form", { name: "Propose other times" });
  await propose.getByLabel("First time").fill(`${day}T18:30`);
  await propose.getByLabel("Room").selectOption({ index: 1 });
  await propose.getByRole("button", { name: "Propose these times" }).click();
  await expect(propose.locator(".field__error").first()).toContainText("working hours");
  await propose.getByLabel("First time").fill(`${day}T15:00`);
  await propose.getByLabel("Second time (optional)").fill(`${day}T16:00`);
  await propose.getByRole("button", { name: "Propose these times" }).click();
  await expect(staff.getByRole("status")).toHaveText("The times were proposed to the mission.");
  await expect(staff.getByText("Other times proposed", { exact: true })).toBeVisible();
  await staff.context().close();

  await page.goto(`/en${meetingPath}`);
  const answer = page.getByRole("form", { name: "Answer the commission's proposal" });
  await answer.getByLabel(/3:00\s?PM \(Ashgabat time\)/).check();
  await answer.getByRole("button", { name: "Accept this time" }).click();
  await expect(page.getByRole("status")).toHaveText("You accepted the time: the meeting is confirmed.");
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  await expect(page.getByText(/3:00\s?PM–4:00\s?PM \(Ashgabat time\)/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The staff's week calendar shows the confirmed meeting in its room's row, on its day.
  const calendar = await (await browser.newContext()).newPage();
  await signInAs(calendar, "reviewer");
  await calendar.goto(`/en/commission/meetings/calendar?week=${day}`);
  const byRoom = calendar.getByRole("table", { name: "By room" });
  await expect(byRoom.getByRole("link", { name: new RegExp(`3:00\\s?PM–4:00\\s?PM OSCE/ODIHR: ${topic}`) })).toHaveCount(1);
  await expectNoAxeViolations(calendar);
  // A week the database cannot hold (year 0) shows the current week, not an error page.
  expect((await calendar.goto("/en/commission/meetings/calendar?week=0000-01-05"))?.status()).toBe(200);
  await expect(calendar.getByRole("table", { name: "By room" })).toBeVisible();
  await calendar.context().close();
});
