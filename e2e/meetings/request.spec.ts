import { expect, test } from "@playwright/test";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";
import { clockIn, missionThatMayMeet, requestMeeting, workingDayPlus } from "./helpers";

test.use({ timezoneId: "Europe/Vienna" });

test("a coordinator in Vienna requests a meeting at 10:00 Ashgabat time and sees it at the right local time", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const { election } = await missionThatMayMeet(browser);
  const topic = `Preparations for election day ${Math.random().toString(36).slice(2, 7)}`;
  const day = workingDayPlus(25);
  await signInAs(page, "coordinator");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Meetings" }).click();
  await page.getByRole("link", { name: "Request a meeting" }).click();
  await expectNoAxeViolations(page);
  // The hint says the working hours as the admins set them (the seeded week).
  await expect(page.getByText("Working hours: Monday–Friday 09:00–18:00.")).toBeVisible();

  // A time too soon and one outside working hours are refused, each at its field.
  await requestMeeting(page, election, topic, [`${workingDayPlus(1)}T10:00`, `${day}T17:30`]);
  await expect(errorSummary(page)).toBeFocused();
  await expect(page.locator("#window1-error")).toHaveText("Choose a time at least 48 hours from now, so the commission can decide in time.");
  await expect(page.locator("#window2-error")).toContainText("within the commission's working hours");
  await expect(page.getByLabel("Topic")).toHaveValue(topic);

  await page.getByLabel("First choice", { exact: true }).fill(`${day}T10:00`);
  // The viewer's own time shows beside the field as it is typed.
  const vienna = clockIn("Europe/Vienna", day, "10:00");
  await expect(page.getByText(/In your time zone \(Europe\/Vienna\)/).first()).toContainText(vienna);
  await page.getByLabel("Second choice (optional)").fill(`${day}T14:00`);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("status")).toHaveText("Your request has been sent to the commission.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(topic);
  await expect(page.getByText("Requested", { exact: true })).toBeVisible();
  const first = page.getByRole("listitem").filter({ hasText: "10:00 AM–11:00 AM (Ashgabat time)" });
  await expect(first).toContainText(`In your time zone (Europe/Vienna)`);
  await expect(first).toContainText(vienna);
  await expectNoAxeViolations(page);
  // In Turkmen too, though Chromium has no Turkmen dates of its own: as the server (Node) writes them.
  const meeting = page.url();
  await page.goto(meeting.replace("/en/", "/tk/"));
  const inTurkmen = new Intl.DateTimeFormat("tk", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Vienna" }).format(new Date(`${day}T10:00:00+05:00`));
  await expect(page.getByText(`Siziň sagat guşaklygyňyzda (Europe/Vienna): ${inTurkmen}`)).toBeVisible();
  await page.goto(meeting);

  await page.getByRole("link", { name: "Back to meetings" }).click();
  await expect(page.getByRole("row").filter({ hasText: topic })).toContainText("Requested");
});
