import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInAs } from "../fixtures";

const seededTitles = {
  tk: ["Türkmenistanyň Prezidentiniň saýlawy", "Türkmenistanyň Mejlisiniň deputatlarynyň, welaýat, etrap we şäher halk maslahatlarynyň we Geňeşleriň agzalarynyň saýlawlary", "Türkmenistanyň Mejlisiniň deputatlarynyň möhletinden öň saýlawlary"],
  ru: ["Выборы Президента Туркменистана", "Выборы депутатов Меджлиса Туркменистана, членов велаятских, этрапских и городских халк маслахатов и Генгешей", "Досрочные выборы депутатов Меджлиса Туркменистана"],
  en: ["Presidential election of Turkmenistan", "Elections of deputies of the Mejlis of Turkmenistan, members of the welaýat, etrap and city halk maslahatys and of the Geňeşes", "Early elections of deputies of the Mejlis of Turkmenistan"],
};
const electionDay2024 = { tk: "7 iýul 2024", ru: "7 июля 2024 г.", en: "July 7, 2024" };
const accreditationOpen = { tk: "Akkreditasiýa açyk", ru: "Аккредитация открыта", en: "Accreditation open" };

for (const locale of ["tk", "ru", "en"] as const) {
  test(`the home page and the elections list in ${locale} show the seeded elections in that language`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    // The upcoming election seeded relative to today is current, and open for accreditation.
    await expect(page.locator(".election-list").getByText(accreditationOpen[locale], { exact: true }).first()).toBeVisible();
    for (const alternate of ["tk", "ru", "en"]) {
      await expect(page.locator(`link[rel=alternate][hreflang=${alternate}]`)).toHaveAttribute("href", new RegExp(`/${alternate}$`));
    }
    // Other specs publish elections of their own: the past ones are first when sorted the other way.
    await page.goto(`/${locale}/elections?sort=electionDay&dir=asc`);
    const table = page.getByRole("table");
    for (const title of seededTitles[locale]) await expect(table.getByRole("cell", { name: title, exact: true })).toBeVisible();
    await expect(table.getByText(electionDay2024[locale], { exact: true })).toBeVisible();
  });
}

test("elections can be sorted by election day, oldest first", async ({ page }) => {
  await page.goto("/en/elections");
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

test("the home page is the same for everyone, yet a signed-in coordinator finds their sections and can sign out from it", async ({ page, browser }) => {
  const visitor = await browser.newPage();
  await visitor.goto("/en");
  const visitorNav = visitor.getByRole("navigation", { name: "Main navigation" });
  await expect(visitorNav.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(visitorNav.getByRole("link", { name: "Mission workspace" })).toHaveCount(0);
  await visitor.close();

  await signInAs(page, "coordinator");
  await page.goto("/en");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await nav.getByRole("link", { name: "Mission workspace" }).click();
  await expect(page).toHaveURL(/\/en\/portal$/);
  await page.goto("/en/elections");
  await expect(nav.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await nav.getByRole("button", { name: "Sign out" }).click();
  // The dialog sits in the navigation bar, whose white link styles must not reach its buttons.
  await expect(page.getByRole("dialog").getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
  // Signed out, the same cached page offers signing in again.
  await expect(page).toHaveURL(/\/en$/);
  await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Mission workspace" })).toHaveCount(0);
});
