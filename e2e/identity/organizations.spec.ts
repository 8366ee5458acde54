import { expect, test } from "@playwright/test";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";

const unique = () => Math.random().toString(36).slice(2, 7).toUpperCase();

test("an admin adds an organization in Russian, correcting a mistake first, then edits it", async ({ page }) => {
  const acronym = `ПАСЕ-${unique()}`;
  const cyrillicAcronym = `ПАСЕ ${Math.floor(Math.random() * 1e6)}`;
  await signInAs(page, "admin", "ru");
  await page.goto("/ru/commission/admin/organizations");
  await page.getByRole("link", { name: "Добавить организацию" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Добавить организацию");

  // Nothing filled in: every required field is named in the summary and at the field.
  await page.getByRole("button", { name: "Добавить организацию" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(6);
  await expect(summary.getByRole("link").first()).toHaveText("Название на туркменском: Заполните это поле.");
  await expect(page.locator("#kind-error")).toHaveText("Выберите вариант из списка.");
  await expect(page.getByLabel("Название на русском")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Название на туркменском").fill("Ýewropa Geňeşiniň Parlament assambleýasy");
  await page.getByLabel("Название на русском").fill("Парламентская ассамблея Совета Европы");
  await page.getByLabel("Название на английском").fill("Parliamentary Assembly of the Council of Europe");
  await page.getByLabel("Аббревиатура", { exact: true }).fill(acronym);
  await page.getByLabel("Аббревиатура кириллицей (необязательно)").fill("PACE");
  await page.getByLabel("Вид").selectOption({ label: "Парламентская ассамблея" });
  // Country names come from the browser-independent Intl data of the server, in Russian.
  await page.getByLabel("Страна местопребывания").selectOption({ label: "Франция" });
  await page.getByLabel("Сайт (необязательно)").fill("http://pace.coe.int");
  await page.getByRole("button", { name: "Добавить организацию" }).click();
  await expect(summary.getByRole("link")).toHaveText([
    "Аббревиатура кириллицей (необязательно): Используйте буквы кириллицы и цифры, а между частями — пробел, косую черту, дефис или точку, например ИК СНГ.",
    "Сайт (необязательно): Введите адрес сайта, начинающийся с https://, например https://www.example.org.",
  ]);
  await expect(page.getByLabel("Аббревиатура кириллицей (необязательно)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#website-error")).toContainText("https://");
  // What was typed is still there.
  await expect(page.getByLabel("Аббревиатура", { exact: true })).toHaveValue(acronym);
  await expect(page.getByLabel("Страна местопребывания")).toHaveValue("FR");

  await page.getByLabel("Сайт (необязательно)").fill("https://pace.coe.int");
  await page.getByLabel("Аббревиатура кириллицей (необязательно)").fill(cyrillicAcronym);
  await page.getByRole("button", { name: "Добавить организацию" }).click();
  await expect(page).toHaveURL(/\/ru\/commission\/admin\/organizations\?notice=created$/);
  await expect(page.getByRole("status")).toHaveText("Организация добавлена.");

  // Found by the Cyrillic acronym, typed in small letters.
  await page.getByLabel("Поиск по названию или аббревиатуре").fill(cyrillicAcronym.toLowerCase());
  await page.getByRole("button", { name: "Найти" }).click();
  const row = page.getByRole("row").filter({ hasText: acronym });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Парламентская ассамблея Совета Европы");
  await expect(row).toContainText("Франция");

  await row.getByRole("link", { name: `Изменить ${acronym}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Изменить ${acronym}`);
  await expect(page.getByLabel("Название на английском")).toHaveValue("Parliamentary Assembly of the Council of Europe");
  await expect(page.getByLabel("Аббревиатура кириллицей (необязательно)")).toHaveValue(cyrillicAcronym);
  await page.getByLabel("Страна местопребывания").selectOption({ label: "Бельгия" });
  await page.getByRole("button", { name: "Сохранить изменения" }).click();
  await expect(page.getByRole("status")).toHaveText("Изменения организации сохранены.");
  await page.getByLabel("Поиск по названию или аббревиатуре").fill(acronym);
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page.getByRole("row").filter({ hasText: acronym })).toContainText("Бельгия");
});

test("the list searches names in any language and acronyms, in Turkmen", async ({ page }) => {
  await signInAs(page, "admin", "tk");
  await page.goto("/tk/commission/admin/organizations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guramalar");
  await page.getByLabel("Ady ýa-da gysgaltmasy boýunça gözleg").fill("шанхайской");
  await page.getByRole("button", { name: "Gözle" }).click();
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and SCO
  await expect(rows.nth(1)).toContainText("Şanhaý hyzmatdaşlyk guramasynyň Sekretariaty");
  await expect(rows.nth(1)).toContainText("Hytaý");
  await expect(page.getByRole("table")).toHaveAccessibleName("«шанхайской» boýunça tapylan guramalar");
  await page.getByRole("link", { name: "Hemmesini görkez" }).click();
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "OSCE/ODIHR" })).toHaveCount(1);
});

test("an organization's page lists its coordinators and offers to invite one", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/organizations?q=SCO");
  await page.getByRole("link", { name: "Edit SCO" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit SCO");
  const coordinators = page.getByRole("table", { name: "Coordinators of this organization" });
  await expect(coordinators.getByRole("row").filter({ hasText: "coordinator.sco@portal.example" })).toContainText("Li Wei");
  const organizationId = /\/organizations\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
  await expect(page.getByRole("link", { name: "Invite a coordinator" })).toHaveAttribute(
    "href",
    `/en/commission/admin/invitations/new?role=coordinator&organization=${organizationId}`,
  );
});

test("organization pages have no axe violations, with and without errors", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/organizations");
  await expectNoAxeViolations(page);
  await page.goto("/en/commission/admin/organizations/new");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add organization" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/en/commission/admin/organizations?q=OTS");
  await page.getByRole("link", { name: "Edit OTS" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit OTS");
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoAxeViolations(page);
});
