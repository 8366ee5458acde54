import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import en from "../../messages/en.json";
import ru from "../../messages/ru.json";
import tk from "../../messages/tk.json";
import { expectNoAxeViolations, locales, signInAs } from "../fixtures";
import { newOpenElection, submittedApplication, type TestElection } from "../accreditation/factories";
import { nameOf, openForReview, revokeOnReviewPage } from "../badges/helpers";

/**
 * The public side of an election: a mission accredited through the reviewers' real pages shows on
 * the election page, in the register and its CSV, in every language; names only once the admin
 * allows them; a revocation leaves the figures within seconds. Every assertion is scoped to this
 * spec's own election: other specs publish elections on the same database at the same time.
 */

const catalogs = { tk, ru, en } as const;
const titles = (election: TestElection) => ({
  tk: `Mejlise goşmaça saýlawlar ${election.code}`,
  ru: `Дополнительные выборы в Меджлис ${election.code}`,
  en: election.title,
});

/** The three figures of the page's "Accredited missions" section, as the reader sees them. */
async function figuresOf(page: Page, locale: (typeof locales)[number]) {
  const m = catalogs[locale].publicElections;
  const section = page.getByRole("region", { name: m.missionsHeading });
  const figure = async (label: string) => Number((await section.locator(".figures div").filter({ hasText: label }).locator("dd").innerText()).replace(/\D/g, ""));
  return { missions: await figure(m.figures.missions), observers: await figure(m.figures.observers), countries: await figure(m.figures.countries) };
}

async function registerCsv(request: APIRequestContext, code: string, locale: string) {
  const response = await request.get(`/api/elections/${code}/register?locale=${locale}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes, { bom: true }) as string[][];
}

test("an accredited mission shows on the election page and in the register in three languages; names only when allowed; a revocation leaves the figures", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const election = await newOpenElection(browser, "Public by-election");
  const { rows, missionId } = await submittedApplication(browser, election, { count: 3, prefix: "PUB" });
  // Nowak (PL, head of mission), Müller (DE) and O'Neill (IE): all accredited, then the application approved.
  await signInAs(page, "reviewer");
  await openForReview(page, election.title);
  for (const row of rows) await page.getByLabel(`Select ${nameOf(row)}`).check();
  await page.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("3 observers were accredited.");
  await page.getByRole("button", { name: "Approve the application" }).click();
  await expect(page.getByRole("status")).toHaveText("The application was approved.");

  const visitor = await (await browser.newContext()).newPage();
  for (const locale of locales) {
    const m = catalogs[locale];
    await visitor.goto(`/${locale}/elections/${election.code}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(titles(election)[locale]);
    await expect(visitor.locator(`link[rel=alternate][hreflang=${locale === "tk" ? "ru" : "tk"}]`)).toHaveAttribute("href", new RegExp(`/elections/${election.code}$`));
    expect(await figuresOf(visitor, locale)).toEqual({ missions: 1, observers: 3, countries: 3 });
    const mission = visitor.locator(".mission-list > li");
    await expect(mission).toHaveCount(1);
    await expect(mission.getByRole("heading", { level: 3 })).toContainText("(OSCE/ODIHR)");
    await expect(mission).toContainText("OSCE/ODIHR Election Assessment Mission");
    await expect(mission).toContainText(m.vocabulary.missionTypes.election_assessment_mission);
    await expect(mission).toContainText("Piotr Nowak");
    await expect(mission).toContainText(`${m.vocabulary.observerRoles.head_of_mission}: 1`);
    await expect(mission).toContainText(`${m.vocabulary.observerRoles.short_term_observer}: 2`);

    await visitor.getByRole("link", { name: m.publicElections.registerLink }).click();
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(m.publicRegister.title.replace("{election}", titles(election)[locale]));
    await expect(visitor.getByRole("table", { name: m.publicRegister.missionsCaption }).getByRole("row")).toHaveCount(2);
    // By default observers are counted, never named (the head of mission is the mission's public face).
    await expect(visitor.getByRole("main")).not.toContainText("Müller");
    await expect(visitor.getByRole("table", { name: m.publicRegister.observersCaption })).toHaveCount(0);
  }
  await expectNoAxeViolations(visitor);

  const csv = await registerCsv(visitor.request, election.code, "ru");
  expect(csv[0]!.slice(0, 3)).toEqual(["Организация", "Аббревиатура", "Миссия"]);
  expect(csv).toHaveLength(2);
  expect(csv[1]!.slice(1, 6)).toEqual(["OSCE/ODIHR", "OSCE/ODIHR Election Assessment Mission", ru.vocabulary.missionTypes.election_assessment_mission, "Piotr Nowak", "3"]);
  expect(csv.flat().join(" ")).not.toContain("Müller");
  for (const row of rows) expect(csv.flat().join(" ")).not.toContain(row.passportNumber);

  // The admin allows names: the register lists each accredited observer's Latin name, role and nationality.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto("/en/commission/admin/elections");
  await admin.getByLabel("Code or title").fill(election.code);
  await admin.getByRole("button", { name: "Show" }).click();
  await admin.getByRole("row").filter({ hasText: election.code }).getByRole("link", { name: `Edit ${election.code}` }).click();
  const names = admin.getByLabel("Publish accredited observers' names in the public register");
  await expect(names).not.toBeChecked();
  await names.check();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByRole("status")).toHaveText("The election was saved.");

  await visitor.goto(`/en/elections/${election.code}/register`);
  const observers = visitor.getByRole("table", { name: en.publicRegister.observersCaption });
  await expect(observers.getByRole("row")).toHaveCount(4);
  await expect(observers.getByRole("row").filter({ hasText: "Müller" })).toContainText("Short-term observer");
  await expect(observers.getByRole("row").filter({ hasText: "Müller" })).toContainText("Germany");
  await expectNoAxeViolations(visitor);
  const named = await registerCsv(visitor.request, election.code, "en");
  expect(named[0]).toEqual(["Organization", "Mission", "Type of mission", "Surname", "Given names", "Role", "Nationality"]);
  expect(named.slice(1).map((r) => r[3]).sort()).toEqual(["Müller", "Nowak", "O'Neill"]);

  // A revocation leaves the register and the figures within seconds, on the election page and the CSV.
  await page.goto(`/en/commission/applications/${missionId}`);
  await revokeOnReviewPage(page, rows[2]!);
  await expect
    .poll(
      async () => {
        await visitor.goto(`/tk/elections/${election.code}`);
        return figuresOf(visitor, "tk");
      },
      { timeout: 20_000 },
    )
    .toEqual({ missions: 1, observers: 2, countries: 2 });
  expect((await registerCsv(visitor.request, election.code, "en")).slice(1).map((r) => r[3]).sort()).toEqual(["Müller", "Nowak"]);
});

test("the home page and the elections list show a published election with its key dates; unknown elections are a translated 404", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const election = await newOpenElection(browser, "Public list by-election");
  await page.goto("/ru");
  const current = page.getByRole("region", { name: ru.home.currentHeading });
  const card = current.locator(".election-list > li").filter({ hasText: titles(election).ru });
  await expect(card).toContainText(ru.publicElections.electionDay);
  await expect(card).toContainText(ru.publicElections.observationWindow);
  await expect(page.getByRole("region", { name: ru.home.figuresHeading }).locator(".figures dd")).toHaveCount(3);
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: ru.layout.mainNavigation }).getByRole("link", { name: ru.layout.elections }).click();
  await expect(page).toHaveURL(/\/ru\/elections$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru.publicElections.listTitle);
  await expectNoAxeViolations(page);
  await page.goto(`/ru/elections?sort=title&dir=asc`);
  await expect(page.getByRole("table").getByRole("link", { name: "Выборы Президента Туркменистана" })).toBeVisible();

  await page.goto("/ru");
  await page.getByRole("link", { name: titles(election).ru }).click();
  await expect(page).toHaveURL(new RegExp(`/ru/elections/${election.code}$`));
  await expect(page.getByText(ru.publicElections.noMissions)).toBeVisible();
  await expectNoAxeViolations(page);

  for (const path of ["/ru/elections/NO-SUCH-CODE", "/ru/elections/NO-SUCH-CODE/register", "/ru/elections/bad%20code"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  }
  expect((await page.request.get("/api/elections/NO-SUCH-CODE/register")).status()).toBe(404);
});

test("the language switcher keeps a statements search and its filters, and a sort chosen on the page", async ({ page }) => {
  await page.goto(`/ru/statements?q=${encodeURIComponent("наблюдение выборов")}&kind=final`);
  await page.getByRole("navigation", { name: ru.layout.languages }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/statements\?/);
  await expect(page.getByLabel(en.publicStatements.search)).toHaveValue("наблюдение выборов");
  await expect(page.getByLabel(en.publicStatements.kind)).toHaveValue("final");

  // A sort link changes only the query, in the browser: the switcher follows it.
  await page.goto("/en/elections");
  await page.getByRole("table").getByRole("columnheader").first().getByRole("link").click();
  await expect(page).toHaveURL(/sort=title/);
  await page.getByRole("navigation", { name: en.layout.languages }).getByRole("link", { name: "Türkmençe" }).click();
  await expect(page).toHaveURL(/\/tk\/elections\?.*sort=title/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tk.publicElections.listTitle);
});

test("a filtered statements list links to a feed of the same filters, which the feed honours as its own address; the page is not a filter", async ({ page }) => {
  await page.goto(`/ru/statements?q=${encodeURIComponent("наблюдение")}&election=mej-2024&organization=CIS&kind=final&language=ru&page=2`);
  const link = page.getByRole("link", { name: ru.publicStatements.subscribe });
  const expected = `/api/feeds/statements?locale=ru&election=MEJ-2024&organization=CIS&kind=final&language=ru&q=${encodeURIComponent("наблюдение")}`;
  await expect(link).toHaveAttribute("href", expected);
  const response = await page.request.get(expected);
  expect(response.status()).toBe(200);
  const self = (await response.text()).match(/<link rel="self" href="([^"]+)"/)![1]!.replaceAll("&amp;", "&");
  expect(new URL(self).pathname + new URL(self).search).toBe(expected);

  // An unknown kind or language is no filter, in the list and in its feed alike.
  await page.goto("/en/statements?kind=verdict&language=xx");
  await expect(page.getByRole("link", { name: en.publicStatements.subscribe })).toHaveAttribute("href", "/api/feeds/statements?locale=en");
});

test("a statements page past the end says so in the reader's language and links to the last page", async ({ page }) => {
  // A search nothing matches has one (empty) page.
  await page.goto(`/ru/statements?q=${randomUUID()}&page=5`);
  await expect(page.getByText("Страницы 5 нет: в этом списке 1 страница.")).toBeVisible();
  await page.getByRole("link", { name: "Перейти на первую страницу" }).click();
  await expect(page).toHaveURL(/page=1/);
  await expect(page.getByText(ru.publicStatements.resultCount.match(/=0 \{([^}]*)\}/)![1]!)).toBeVisible();
  await expect(page.getByText("Страницы 5 нет", { exact: false })).toHaveCount(0);

  // All statements: however many pages other specs' publications make, page 10000 is past them.
  await page.goto("/en/statements?page=10000");
  await expect(page.getByText(/There is no page 10000: this list has (only one page|\d+ pages)\./)).toBeVisible();
  await expect(page.getByRole("navigation", { name: en.table.pagination })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /^Go to the (first page|last page \(page \d+\))$/ }).click();
  await expect(page).toHaveURL(/page=\d{1,3}$/);
  await expect(page.getByText("There is no page", { exact: false })).toHaveCount(0);
});

test("sitemap.xml lists public pages in every language with hreflang alternates; robots.txt keeps crawlers out of the workspaces; both name the address the server runs with", async ({ request }) => {
  // Absolute addresses on the address the server runs with (the e2e server's SITE_URL), not the build's default.
  const site = new URL(test.info().project.use.baseURL!).origin;
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const locale of locales) {
    expect(sitemap).toContain(`/${locale}/elections/MEJ-2024</loc>`);
    expect(sitemap).toContain(`/${locale}/elections/MEJ-2024/register</loc>`);
    expect(sitemap).toContain(`<loc>${site}/${locale}/elections</loc>`);
    expect(sitemap).toMatch(new RegExp(`<xhtml:link rel="alternate" hreflang="${locale}" href="[^"]*/${locale}/elections/MEJ-2024"`));
  }
  expect(sitemap).not.toContain("/portal");
  expect(sitemap).not.toContain("/commission");
  const robots = await (await request.get("/robots.txt")).text();
  for (const rule of ["Disallow: /portal", "Disallow: /commission", "Disallow: /api", "Disallow: /*/verify"]) expect(robots).toContain(rule);
  expect(robots).toContain(`Sitemap: ${site}/sitemap.xml`);
});

test("ids anyone probes under /statements, and searches, leave nothing on the server's disk", async ({ request }) => {
  // The server runs from this checkout's build (scripts/e2e-server.mjs): its cache would write there.
  const files = () => readdirSync(".next", { recursive: true, encoding: "utf8" });
  const before = files().length;
  const probe = randomUUID();
  for (const path of [`/en/statements/${probe}`, `/ru/statements/${probe}/versions/7/en`]) expect((await request.get(path)).status(), path).toBe(404);
  for (const word of [probe, randomUUID(), randomUUID()]) expect((await request.get(`/en/statements?q=${word}`)).status()).toBe(200);
  // A NUL character, which the database cannot hold, is no error page either.
  for (const path of ["/en/statements?q=%00&organization=%00", "/api/feeds/statements?locale=en&q=%00&organization=%00"]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  expect(files().filter((file) => file.includes(probe))).toEqual([]);
  expect(files().length).toBe(before);
});
