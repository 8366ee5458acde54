import { expect, test } from "@playwright/test";

const seededTitles = {
  tk: ["Türkmenistanyň Prezidentiniň saýlawy", "Türkmenistanyň Mejlisiniň deputatlarynyň saýlawy", "Türkmenistanyň Mejlisiniň deputatlarynyň möhletinden öň saýlawlary"],
  ru: ["Выборы Президента Туркменистана", "Выборы депутатов Меджлиса Туркменистана", "Досрочные выборы депутатов Меджлиса Туркменистана"],
  en: ["Presidential election of Turkmenistan", "Elections of deputies of the Mejlis of Turkmenistan", "Early elections of deputies of the Mejlis of Turkmenistan"],
};
const electionDay2024 = { tk: "7 iýul 2024", ru: "7 июля 2024 г.", en: "July 7, 2024" };
const accreditationOpen = { tk: "Akkreditasiýa açyk", ru: "Аккредитация открыта", en: "Accreditation open" };

for (const locale of ["tk", "ru", "en"] as const) {
  test(`the home page in ${locale} lists the seeded elections in that language`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const table = page.getByRole("table");
    // The upcoming election seeded relative to today is open for accreditation (newest first).
    await expect(table.getByText(accreditationOpen[locale], { exact: true }).first()).toBeVisible();
    // Other specs publish elections of their own: the past ones are first when sorted the other way.
    await page.goto(`/${locale}?sort=electionDay&dir=asc`);
    for (const title of seededTitles[locale]) await expect(table.getByRole("cell", { name: title, exact: true })).toBeVisible();
    await expect(table.getByText(electionDay2024[locale], { exact: true })).toBeVisible();
    for (const alternate of ["tk", "ru", "en"]) {
      await expect(page.locator(`link[rel=alternate][hreflang=${alternate}]`)).toHaveAttribute("href", new RegExp(`/${alternate}$`));
    }
  });
}

test("elections can be sorted by election day, oldest first", async ({ page }) => {
  await page.goto("/en");
  const firstTitle = () => page.getByRole("table").locator("tbody tr").first().locator("td").first();
  await expect(firstTitle()).not.toHaveText("Presidential election of Turkmenistan");
  await page.getByRole("link", { name: /Election day/ }).click();
  await expect(page).toHaveURL(/sort=electionDay&dir=asc/);
  await expect(firstTitle()).toHaveText("Presidential election of Turkmenistan");
  await expect(page.getByRole("columnheader", { name: /Election day/ })).toHaveAttribute("aria-sort", "ascending");
});

test("a first visit to / goes to the language the browser asks for", async ({ browser }) => {
  // The browser's locale sets its Accept-Language header.
  for (const [browserLocale, expected] of [["ru-RU", "ru"], ["en-US", "en"], ["de-DE", "tk"]] as const) {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/${expected}$`));
    await context.close();
  }
});

test("the language switcher keeps the current page", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход");
  await page.getByRole("navigation", { name: "Язык" }).getByRole("link", { name: "Türkmençe" }).click();
  await expect(page).toHaveURL(/\/tk\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ulgama girmek");
});

test("an unknown address shows a translated 404 page", async ({ page }) => {
  const response = await page.goto("/ru/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
});
