import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations, signInAs } from "../fixtures";
import { confirmAsStaff, missionThatMayMeet, requestMeeting, workingDayPlus } from "./helpers";

test("staff record a held meeting and publish its summary, which the public reads in all three languages; the mission exports its meetings", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const { election, missionId } = await missionThatMayMeet(browser);
  const tag = Math.random().toString(36).slice(2, 7);
  const topic = `Observers' findings ${tag}`;
  await signInAs(page, "coordinator");
  await requestMeeting(page, election, topic, [`${workingDayPlus(29)}T12:00`]);
  await expect(page.getByRole("status")).toHaveText("Your request has been sent to the commission.");
  const meetingPath = new URL(page.url()).pathname;

  const staff = await confirmAsStaff(browser, topic);
  const record = staff.getByRole("form", { name: "After the meeting" });
  await record.getByLabel("Held", { exact: true }).check();
  await record.getByLabel("Participants").fill("Chairman of the Commission; head of mission and two analysts");
  await record.getByLabel("Internal minutes").fill(`Internal note ${tag}: the mission raised access to counting`);
  await record.getByRole("button", { name: "Save the record" }).click();
  await expect(staff.getByRole("status")).toHaveText("The record of the meeting is saved.");

  const summary = staff.getByRole("form", { name: "Public summary" });
  await summary.getByRole("button", { name: "Publish the summary" }).click();
  await expect(summary.locator(".field__error").first()).toHaveText("This field is required.");
  const texts = {
    tk: `Merkezi topar missiýa bilen duşuşyk geçirdi ${tag}.`,
    ru: `Центральная комиссия провела встречу с миссией ${tag}.`,
    en: `The Central Commission met the mission ${tag}.`,
  };
  await summary.getByLabel("Summary in Turkmen").fill(texts.tk);
  await summary.getByLabel("Summary in Russian").fill(texts.ru);
  await summary.getByLabel("Summary in English").fill(texts.en);
  await summary.getByRole("button", { name: "Publish the summary" }).click();
  await expect(staff.getByRole("status")).toHaveText("The summary is published on the election's page and the home page.");
  await expectNoAxeViolations(staff);
  await staff.context().close();

  const visitor = await (await browser.newContext()).newPage();
  for (const locale of ["tk", "ru", "en"] as const) {
    await visitor.goto(`/${locale}/elections/${election.code}`);
    const section = visitor.getByRole("region", { name: { tk: "Toparyň missiýalar bilen duşuşyklary", ru: "Встречи Комиссии с миссиями", en: "Meetings of the Commission with missions" }[locale] });
    await expect(section.getByText(texts[locale])).toBeVisible();
    for (const other of (["tk", "ru", "en"] as const).filter((l) => l !== locale)) await expect(visitor.getByText(texts[other])).toHaveCount(0);
  }
  await expectNoAxeViolations(visitor);
  await visitor.goto("/en");
  await expect(visitor.getByRole("region", { name: "Latest meetings with missions" }).getByText(texts.en)).toBeVisible();
  await visitor.context().close();

  // The mission sees the meeting held, never the minutes, and downloads the meetings held.
  await page.goto(meetingPath);
  await expect(page.getByText("Held", { exact: true })).toBeVisible();
  await expect(page.getByText(`Internal note ${tag}`)).toHaveCount(0);
  const download = await page.request.get(`/api/meetings/export/${missionId}?locale=en`);
  expect(download.headers()["content-type"]).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await download.body()).buffer);
  const rows = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
  expect(rows[0]!.slice(1, 5)).toEqual(["Date", "Starts", "Ends", "Topic"]);
  expect(rows[1]!.slice(1, 5)).toEqual([workingDayPlus(29), "12:00", "13:00", topic]);
  expect(rows[1]).toContain(texts.en);
  expect(JSON.stringify(rows)).not.toContain(`Internal note ${tag}`);
});
