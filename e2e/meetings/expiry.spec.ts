import { expect, test } from "@playwright/test";
import { demoAccounts, signInAs } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { missionThatMayMeet, requestMeeting, workingDayPlus } from "./helpers";

// The e2e server's expiry job looks a week ahead (MEETING_EXPIRY_LOOKAHEAD_MS in
// playwright.config.ts): a request for three days ahead, which would expire tomorrow, expires now.
test("a request the commission leaves undecided expires, and the mission is told", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const { election } = await missionThatMayMeet(browser, { observationStartsInDays: 1 });
  const topic = `Arrival of observers ${Math.random().toString(36).slice(2, 7)}`;
  const requestedAt = new Date();
  await signInAs(page, "coordinator");
  await requestMeeting(page, election, topic, [`${workingDayPlus(3)}T10:00`]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(topic);

  const notice = await waitForEmail(demoAccounts.coordinator.email, { subjectIncludes: `Meeting request expired: ${topic}`, since: requestedAt });
  expect(notice.text).toContain("did not decide on it 48 hours before its first time");
  await page.reload();
  await expect(page.getByText("Expired", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Back to meetings" }).click();
  await expect(page.getByRole("row").filter({ hasText: topic })).toContainText("Expired");
});
