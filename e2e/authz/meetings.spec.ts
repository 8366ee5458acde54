import { expect, test, type Page } from "@playwright/test";
import { signInAs, signInWithPassword } from "../fixtures";
import { confirmAsStaff, missionThatMayMeet, requestMeeting, workingDayPlus } from "../meetings/helpers";

/** The fields of the admin's closed-day form as a browser without JavaScript would post them. */
async function closedDayFormFields(page: Page) {
  const form = page.locator("form").filter({ has: page.locator("input[name=reasonEn]") });
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[type=hidden]").all()) fields[(await input.getAttribute("name"))!] = await input.inputValue();
  return fields;
}

test.describe("meeting resources", () => {
  for (const role of ["coordinator", "reviewer"] as const) {
    test(`a ${role} is refused the officials and rooms pages and their actions`, async ({ browser, page, baseURL }) => {
      test.slow();
      const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await signInAs(admin, "admin");
      await admin.goto("/en/commission/admin/meetings");
      const officialHref = (await admin.getByRole("link", { name: /^Edit / }).first().getAttribute("href"))!;
      const fields = await closedDayFormFields(admin);
      expect(Object.keys(fields).some((name) => name.startsWith("$ACTION"))).toBe(true);
      const day = `${2100 + Math.floor(Math.random() * 800)}-01-02`;
      const closedDay = { ...fields, day, reasonTk: "Basybalyk", reasonRu: "Самозванец", reasonEn: `Intruder ${role}` };

      await signInAs(page, role);
      for (const url of ["/en/commission/admin/meetings", "/en/commission/admin/meetings/officials/new", officialHref, "/en/commission/admin/meetings/rooms/new"]) {
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(403);
      }
      const response = await page.request.post("/en/commission/admin/meetings", { multipart: closedDay, headers: { Origin: baseURL! }, maxRedirects: 0 });
      expect([403, 404]).toContain(response.status());

      await admin.goto("/en/commission/admin/meetings");
      await expect(admin.getByText(`Intruder ${role}`)).toHaveCount(0);
      await admin.context().close();
    });
  }
});

test.describe("a meeting", () => {
  test("another organization's coordinator cannot see or answer it; a coordinator cannot open the staff's pages", async ({ browser, page }) => {
    test.setTimeout(240_000);
    const { election } = await missionThatMayMeet(browser);
    const topic = `Private agenda ${Math.random().toString(36).slice(2, 7)}`;
    await signInAs(page, "coordinator");
    await requestMeeting(page, election, topic, [`${workingDayPlus(27)}T11:00`]);
    await expect(page.getByRole("status")).toHaveText("Your request has been sent to the commission.");
    const meetingId = new URL(page.url()).pathname.split("/").at(-1)!;
    for (const url of ["/en/commission/meetings", `/en/commission/meetings/${meetingId}`, "/en/commission/meetings/calendar"]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }

    const other = await (await browser.newContext()).newPage();
    await signInWithPassword(other, "coordinator.cis@portal.example");
    await expect(other).toHaveURL(/\/en\/portal$/);
    expect((await other.goto(`/en/portal/meetings/${meetingId}`))?.status()).toBe(404);
    await other.goto("/en/portal/meetings");
    await expect(other.getByText(topic)).toHaveCount(0);
    await other.context().close();
  });

  test("another organization cannot cancel it, export the mission's meetings or read a guessed calendar; the mission cannot record the outcome and never sees the minutes", async ({ browser, page, baseURL }) => {
    test.setTimeout(240_000);
    const { election, missionId } = await missionThatMayMeet(browser);
    const tag = Math.random().toString(36).slice(2, 7);
    const topic = `Closed session ${tag}`;
    await signInAs(page, "coordinator");
    await requestMeeting(page, election, topic, [`${workingDayPlus(30)}T09:30`]);
    await expect(page.getByRole("status")).toHaveText("Your request has been sent to the commission.");
    const meetingPath = new URL(page.url()).pathname;

    // The cancel form as a browser without JavaScript would post it, taken from the owner's page.
    const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signInAs(noScript, "coordinator");
    await noScript.goto(meetingPath);
    const form = noScript.locator("form").filter({ has: noScript.locator("textarea[name=reason]") });
    const fields: Record<string, string> = {};
    for (const input of await form.locator("input[type=hidden]").all()) fields[(await input.getAttribute("name"))!] = await input.inputValue();
    expect(Object.keys(fields).some((name) => name.startsWith("$ACTION"))).toBe(true);
    await noScript.context().close();

    const staff = await confirmAsStaff(browser, topic);
    // The mission's coordinator posting the staff's "after the meeting" form is refused.
    const staffNoScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signInAs(staffNoScript, "reviewer");
    await staffNoScript.goto(new URL(staff.url()).pathname);
    const recordFields: Record<string, string> = {};
    const recordForm = staffNoScript.locator("form").filter({ has: staffNoScript.locator("textarea[name=minutes]") });
    for (const input of await recordForm.locator("input[type=hidden]").all()) recordFields[(await input.getAttribute("name"))!] = await input.inputValue();
    await staffNoScript.context().close();
    expect(Object.keys(recordFields).some((name) => name.startsWith("$ACTION"))).toBe(true);
    const forged = { ...recordFields, outcome: "not_held", participants: "", minutes: "Forged by the mission" };
    const refused = await page.request.post(new URL(staff.url()).pathname, { multipart: forged, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect([403, 404]).toContain(refused.status());

    const record = staff.getByRole("form", { name: "After the meeting" });
    await record.getByLabel("Held", { exact: true }).check();
    await record.getByLabel("Internal minutes").fill(`Minutes ${tag}: for the commission only`);
    await record.getByRole("button", { name: "Save the record" }).click();
    await expect(staff.getByRole("status")).toHaveText("The record of the meeting is saved.");
    await staff.context().close();

    await page.goto(meetingPath);
    await expect(page.getByText("Held", { exact: true })).toBeVisible();
    expect(await page.content()).not.toContain(`Minutes ${tag}`);
    expect(await page.content()).not.toContain("Forged by the mission");
    expect(await (await page.request.get(`/api/meetings/export/${missionId}?locale=en`)).text()).not.toContain(`Minutes ${tag}`);

    const other = await (await browser.newContext()).newPage();
    await signInWithPassword(other, "coordinator.cis@portal.example");
    await expect(other).toHaveURL(/\/en\/portal$/);
    const response = await other.request.post(meetingPath, { multipart: { ...fields, reason: "Intruder" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect([403, 404]).toContain(response.status());
    expect((await other.request.get(`/api/meetings/export/${missionId}?locale=en`)).status()).toBe(404);
    expect((await other.request.get(`/api/meetings/feed/${"A".repeat(43)}.ics`)).status()).toBe(404);
    expect((await other.request.get("/api/meetings/feed/not-a-token.ics")).status()).toBe(404);
    await other.context().close();

    await page.goto(meetingPath);
    await expect(page.getByText("Held", { exact: true })).toBeVisible();
    await expect(page.getByText("Reason: Intruder")).toHaveCount(0);
  });
});
