import { expect, test } from "@playwright/test";
import { newOpenElection } from "../accreditation/factories";
import { expectNoAxeViolations } from "../fixtures";
import { draftWithNominees, invite, joinFromEmail, nominees } from "./helpers";

test("an observer reads and downloads the personal data the portal holds, and sees by role who handled it", async ({ browser }) => {
  test.setTimeout(150_000);
  const election = await newOpenElection(browser, "Privacy by-election");
  const [nominee] = nominees(election, 1, "PV");
  const { page: coordinator, path } = await draftWithNominees(browser, election, [nominee!], [nominee!]);
  await invite(coordinator, path, nominee!, "English");
  const { page } = await joinFromEmail(browser, nominee!, "en");

  await page.getByRole("link", { name: "My personal data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My personal data");
  await expect(page.getByText(nominee!.passportNumber)).toBeVisible();
  const handled = page.getByRole("table", { name: "Who viewed or changed your data" });
  await expect(handled.getByRole("row").filter({ hasText: "Observer invited to complete their record" })).toContainText("Your mission's coordinator");
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toBe("my-personal-data.json");
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const data = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { account: { email: string }; records: { passportNumber: string }[]; handledBy: { actorRole: string }[] };
  expect(data.account.email).toBe(nominee!.email);
  expect(data.records.map((r) => r.passportNumber)).toEqual([nominee!.passportNumber]);
  expect(data.handledBy.map((e) => e.actorRole)).toContain("coordinator");

  // Nobody else gets anyone's data from the same address.
  expect((await coordinator.request.get("/api/me/personal-data")).status()).toBe(403);
  expect((await (await browser.newContext()).request.get("/api/me/personal-data")).status()).toBe(401);
});
