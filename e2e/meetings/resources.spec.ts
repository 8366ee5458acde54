import { expect, test } from "@playwright/test";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";

const unique = () => Math.random().toString(36).slice(2, 7);

test("an admin adds an official and a room, correcting a mistake first, then takes the official out of use", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = unique();
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin");
  await page.getByRole("link", { name: "Meetings: officials and rooms" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meetings: officials and rooms");
  // The seeded officials and rooms are there.
  await expect(page.getByRole("table", { name: "Officials" })).toContainText("Chairman of the Central Commission for Elections and Referendums in Turkmenistan");
  await expect(page.getByRole("table", { name: "Meeting rooms" })).toContainText("Main conference hall");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Add an official" }).click();
  // The list page has Save buttons of its own (working hours): wait until the form's page is there.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an official");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link")).toHaveCount(6);
  await expect(errorSummary(page).getByRole("link").first()).toHaveText("In Turkmen: This field is required.");
  await page.getByLabel("In Turkmen", { exact: true }).fill(`Maýsa Durdyýewa ${tag}`);
  await page.getByLabel("In Russian", { exact: true }).fill(`Майса Дурдыева ${tag}`);
  await page.getByLabel("In English", { exact: true }).fill(`Maysa Durdyyeva ${tag}`);
  await page.getByLabel("Position in Turkmen").fill("Toparyň agzasy");
  await page.getByLabel("Position in Russian").fill("Член комиссии");
  await page.getByLabel("Position in English").fill("Member of the commission");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("The official was saved.");
  const row = page.getByRole("row").filter({ hasText: `Maysa Durdyyeva ${tag}` });
  await expect(row).toContainText("Yes");

  await row.getByRole("link", { name: `Edit Maysa Durdyyeva ${tag}` }).click();
  await expect(page.getByLabel("Position in Russian")).toHaveValue("Член комиссии");
  await page.getByLabel("Missions may ask for this official, and staff may assign them").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row").filter({ hasText: `Maysa Durdyyeva ${tag}` })).toContainText("No");

  await page.getByRole("link", { name: "Add a room" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a meeting room");
  await page.getByLabel("In Turkmen", { exact: true }).fill(`Otag ${tag}`);
  await page.getByLabel("In Russian", { exact: true }).fill(`Зал ${tag}`);
  await page.getByLabel("In English", { exact: true }).fill(`Room ${tag}`);
  await page.getByLabel("Seats").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#capacity-error")).toHaveText("Enter a whole number of seats from 1 to 1000.");
  await page.getByLabel("Seats").fill("16");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("The room was saved.");
  await expect(page.getByRole("row").filter({ hasText: `Room ${tag}` })).toContainText("16");
});

test("an admin in Turkmen adds and removes a closed day; working hours refuse a day that closes before it opens", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "admin", "tk");
  await page.goto("/tk/commission/admin/meetings");
  const year = 2100 + Math.floor(Math.random() * 800);
  await page.getByLabel("Gün", { exact: true }).fill(`${year}-05-18`);
  await page.getByLabel("Sebäbi türkmençe").fill("Konstitusiýa güni");
  await page.getByLabel("Sebäbi rusça").fill("День Конституции");
  await page.getByLabel("Sebäbi iňlisçe").fill("Constitution Day");
  await page.getByRole("button", { name: "Dynç gününi goşmak" }).click();
  await expect(page.getByRole("status")).toHaveText("Dynç güni goşuldy.");
  const item = page.getByRole("listitem").filter({ hasText: "Konstitusiýa güni" }).filter({ hasText: String(year) });
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: /Aýyrmak/ }).click();
  await expect(page.getByRole("status")).toHaveText("Dynç güni aýryldy.");
  await expect(item).toHaveCount(0);

  // Saturday closes before it opens: refused, and nothing is saved.
  await page.getByLabel("Şenbe: iş başlaýar", { exact: true }).fill("12:00");
  await page.getByLabel("Şenbe: iş gutarýar", { exact: true }).fill("10:00");
  await page.getByRole("button", { name: "Iş wagtyny ýatda saklamak" }).click();
  await expect(page.locator("#closes6-error")).toHaveText("Işiň gutarýan wagty başlanýan wagtyndan soň bolmaly.");
  await page.reload();
  await expect(page.getByLabel("Şenbe: iş başlaýar", { exact: true })).toHaveValue("");
});
