import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test, type Page } from "@playwright/test";
import en from "../../messages/en.json";
import ru from "../../messages/ru.json";
import tk from "../../messages/tk.json";
import type { TestElection } from "../accreditation/factories";
import { errorSummary, expectNoAxeViolations, locales, signInAs } from "../fixtures";
import { approvedMission, ashgabatWallClock, decideAsReviewer, draftStatement, setClockOffset, submitStatement } from "./helpers";

/**
 * A mission's statement from draft to the public: published by a reviewer, then found in the
 * list, by search, in the Atom feeds, on the election page and in the sitemap in three languages;
 * an embargo that hides it everywhere until the (test) clock passes it; a correction as version 2;
 * Markdown that cannot run anything. One approved mission serves the file's tests, in order.
 */

const catalogs = { tk, ru, en } as const;
let election: TestElection;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  ({ election } = await approvedMission(browser, "Statements by-election"));
});

test.afterAll(async ({ request }) => {
  await request.post("/api/test-clock", { data: { offsetMs: 0 } });
});

const word = () => `zeta${Math.random().toString(36).slice(2, 8)}`;

async function feedTitles(page: Page, query: string) {
  const response = await page.request.get(`/api/feeds/statements?${query}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const feed = parseFeed(await response.text());
  expect(feed.meta.type).toBe("atom");
  return { feed, titles: feed.items.map((item) => item.title) };
}

test("the statement form names each problem at its field and in the summary, on the browser and on the server, and keeps what was typed", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/en/portal/statements/new");
  await page.getByLabel("Mission").selectOption({ label: `OSCE/ODIHR Election Assessment Mission · ${election.title}` });
  await page.getByLabel("Kind of statement").selectOption({ label: "Needs-assessment report" });
  await page.getByLabel("Original language").selectOption({ label: "English" });
  await page.getByLabel("Text", { exact: true }).fill("The mission met the Central Commission.");
  await page.getByLabel("Title in Russian").fill("Оценка потребностей");
  await page.getByRole("button", { name: "Save draft" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Title: This field is required.", "Text in Russian: This field is required."]);
  await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  // The bytes decide: a text file named .pdf is refused by the server, and the words stay.
  await page.getByLabel("Title", { exact: true }).fill("Needs assessment");
  await page.getByLabel("Title in Russian").fill("");
  await page.getByLabel("PDF attachments").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf at all") });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(summary.getByRole("link")).toHaveText(["PDF attachments: Each attachment must be a whole PDF file."]);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Needs assessment");
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue("The mission met the Central Commission.");
});

test("submitted, published by a reviewer, and then in the list, search, feeds, election page and sitemap in three languages", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = word();
  const title = `Preliminary conclusions ${marker}`;
  const ruTitle = `Предварительные выводы ${marker}`;
  await signInAs(page, "coordinator");
  const id = await draftStatement(page, election, {
    title,
    body: `## Findings\n\nVoting was calm and orderly; observers noted long queues at polling stations.\n\n| Region | Stations |\n|---|---|\n| Mary | 12 |\n\n> Quoted ${marker}`,
    ru: { title: ruTitle, body: "Голосование прошло спокойно; наблюдатели отметили длинные очереди на избирательных участках." },
  });
  await expectNoAxeViolations(page);
  // Nothing is public before the commission publishes it.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/en/statements/${id}`))?.status()).toBe(404);
  // Its election's feed is still empty: updated at the request's time (RFC 4287 wants one), not in 1970.
  const empty = await feedTitles(visitor, `locale=ru&election=${election.code}`);
  expect(empty.titles).toEqual([]);
  expect(Math.abs(empty.feed.updated!.getTime() - Date.now())).toBeLessThan(120_000);
  await submitStatement(page, id);
  await decideAsReviewer(browser, title, "Publish now", "The statement was published.");

  for (const locale of locales) {
    const m = catalogs[locale].publicStatements;
    await visitor.goto(`/${locale}/statements?election=${election.code}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(m.listTitle);
    // The Russian reader sees the Russian title; the others the English original.
    await expect(visitor.locator(".statement-list > li")).toHaveCount(1);
    await expect(visitor.locator(".statement-list h2")).toHaveText(locale === "ru" ? ruTitle : title);
    await visitor.goto(`/${locale}/elections/${election.code}`);
    const section = visitor.getByRole("region", { name: m.electionHeading });
    await expect(section.getByRole("heading", { level: 3 })).toContainText("OSCE/ODIHR Election Assessment Mission");
    await expect(section.getByRole("link", { name: locale === "ru" ? ruTitle : title })).toBeVisible();
    const { feed, titles } = await feedTitles(visitor, `locale=${locale}&election=${election.code}`);
    expect(titles).toEqual([locale === "ru" ? ruTitle : title]);
    expect(feed.copyright).toBe(m.feedRights.replace("{commission}", catalogs[locale].layout.commissionName));
  }
  await expectNoAxeViolations(visitor);

  // Search: Russian stems find "очереди" from "очередь"; English "queue" finds "queues", with the match marked.
  await visitor.goto(`/ru/statements?q=${encodeURIComponent("очередь")}&election=${election.code}`);
  await expect(visitor.locator(".statement-list mark").first()).toHaveText("очереди");
  await visitor.goto(`/en/statements?q=queue&election=${election.code}`);
  await expect(visitor.locator(".statement-list mark").first()).toHaveText("queues");
  await visitor.goto(`/en/statements?q=${marker}`);
  await expect(visitor.locator(".statement-list h2")).toHaveText(title);
  await expectNoAxeViolations(visitor);

  // The statement's page: metadata, body, the switcher, a link to each paragraph, the version's hash, OpenGraph.
  await visitor.goto(`/en/statements/${id}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.locator("meta[property='og:title']")).toHaveAttribute("content", title);
  await expect(visitor.locator("meta[property='og:type']")).toHaveAttribute("content", "article");
  await expect(visitor.getByRole("table")).toContainText("Mary");
  await expect(visitor.getByRole("link", { name: "Link to paragraph 1" })).toHaveAttribute("href", "#p1");
  await expect(visitor.getByRole("region", { name: "Versions" })).toContainText(/Version 1 · published .*SHA-256: [0-9a-f]{64}/);
  await expectNoAxeViolations(visitor);
  await visitor.getByRole("navigation", { name: "Languages of this statement" }).getByRole("link", { name: "Russian" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(ruTitle);
  await expect(visitor).toHaveURL(`/en/statements/${id}/ru`);
  await expect(visitor.getByText("This is a translation; the original is the official version.")).toBeVisible();
  // No Turkmen translation: the Turkmen reader gets the original with a notice.
  await visitor.goto(`/tk/statements/${id}`);
  await expect(visitor.getByText(tk.publicStatements.translationMissing.replace("{language}", tk.statements.languages.tk).replace("{original}", tk.statements.languages.en))).toBeVisible();
  await expectNoAxeViolations(visitor);

  // The statement's page, the plain list and the home page are served from the cache, renewed by
  // time only every five minutes (a publication refreshes them at once); a search is rendered for its reader.
  const headersOf = async (path: string) => {
    await visitor.request.get(path);
    return (await visitor.request.get(path)).headers();
  };
  for (const path of [`/en/statements/${id}`, `/ru/statements/${id}/versions/1/en`, "/en/statements", "/en"]) {
    const headers = await headersOf(path);
    expect(headers["x-nextjs-cache"], path).toMatch(/^(HIT|STALE)$/);
    expect(headers["cache-control"], path).toMatch(/\bs-maxage=300\b/);
  }
  expect((await headersOf(`/en/statements?q=${marker}`))["x-nextjs-cache"]).toBeUndefined();

  // Home, the organization's feed and the sitemap.
  await visitor.goto("/en");
  await expect(visitor.getByRole("region", { name: "Latest statements" }).getByRole("link", { name: title })).toBeVisible();
  await expectNoAxeViolations(visitor);
  const all = await feedTitles(visitor, "locale=en");
  expect(all.titles).toContain(title);
  expect((await feedTitles(visitor, `locale=en&organization=${encodeURIComponent("OSCE/ODIHR")}`)).titles).toContain(title);
  expect((await feedTitles(visitor, "locale=en&organization=OTS")).titles).not.toContain(title);

  // The organization is typed as a reader knows it: words of its name, in any case and language.
  await visitor.goto("/ru/statements");
  await visitor.getByLabel(ru.publicStatements.search).fill(marker);
  await visitor.getByLabel(ru.publicStatements.organization).fill("обсе");
  await visitor.getByRole("button", { name: ru.publicStatements.apply }).click();
  await expect(visitor.locator(".statement-list h2")).toHaveText(ruTitle);
  await visitor.getByLabel(ru.publicStatements.organization).fill("тюркских");
  await visitor.getByRole("button", { name: ru.publicStatements.apply }).click();
  await expect(visitor).toHaveURL(/organization=%D1%82%D1%8E%D1%80%D0%BA/);
  await expect(visitor.locator(".statement-list h2")).toHaveCount(0);
  const sitemap = await (await visitor.request.get("/sitemap.xml")).text();
  for (const locale of locales) expect(sitemap).toContain(`/${locale}/statements/${id}</loc>`);
});

test("an embargoed statement is nowhere before its time, then everywhere once the clock passes it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = word();
  const title = `Final report ${marker}`;
  const embargo = new Date(Math.ceil((Date.now() + 3 * 3600_000) / 60_000) * 60_000);
  await signInAs(page, "coordinator");
  const id = await draftStatement(page, election, { title, kind: "Final report", body: `Recommendations ${marker}.`, embargoAt: ashgabatWallClock(embargo), attachment: true });
  const attachment = (await page.getByRole("link", { name: "annex.pdf" }).getAttribute("href"))!;
  await submitStatement(page, id);
  await decideAsReviewer(browser, title, "Publish at the embargo time", "The statement will be published at its embargo time.");

  const visitor = await (await browser.newContext()).newPage();
  const hidden = async () => {
    expect((await visitor.goto(`/en/statements/${id}`))?.status()).toBe(404);
    expect((await visitor.request.get(attachment)).status()).toBe(404);
    await visitor.goto(`/en/statements?q=${marker}`);
    await expect(visitor.locator(".statement-list > li")).toHaveCount(0);
    await visitor.goto(`/en/elections/${election.code}`);
    await expect(visitor.getByRole("main")).not.toContainText(title);
    expect((await feedTitles(visitor, "locale=en")).titles).not.toContain(title);
    expect(await (await visitor.request.get("/sitemap.xml")).text()).not.toContain(id);
  };
  // The mission sees it scheduled for its time, not already published.
  const ownRow = async () => {
    await page.goto("/ru/portal/statements");
    return page.getByRole("row").filter({ hasText: title });
  };
  await expect(await ownRow()).toContainText(ru.statements.statuses.scheduled);
  await expect(await ownRow()).not.toContainText(ru.statements.statuses.published);
  await hidden();
  await setClockOffset(visitor, embargo.getTime() - Date.now() - 60_000);
  await hidden();
  await expect(await ownRow()).toContainText(ru.statements.statuses.scheduled);

  await setClockOffset(visitor, embargo.getTime() - Date.now() + 60_000);
  await visitor.goto(`/en/statements?q=${marker}`);
  await expect(visitor.locator(".statement-list h2")).toHaveText(title);
  expect((await visitor.request.get(attachment)).status()).toBe(200);
  // The statement's and the election's pages are served from the cache, which keeps a page for a
  // minute; the server's publication watch refreshes them within seconds of the embargo.
  await expect.poll(async () => (await visitor.goto(`/en/statements/${id}`))?.status(), { timeout: 15_000, intervals: [1_000] }).toBe(200);
  await expect
    .poll(async () => {
      await visitor.goto(`/en/elections/${election.code}`);
      return visitor.getByRole("main").textContent();
    }, { timeout: 15_000, intervals: [1_000] })
    .toContain(title);
  expect((await feedTitles(visitor, "locale=en")).titles).toContain(title);
  expect(await (await visitor.request.get("/sitemap.xml")).text()).toContain(id);
  await expect(await ownRow()).toContainText(ru.statements.statuses.published);
  await setClockOffset(visitor, 0);
});

test("a correction is version 2, published the same way; both versions show with their hashes", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = word();
  const title = `Interim report ${marker}`;
  await signInAs(page, "coordinator");
  const id = await draftStatement(page, election, { title, kind: "Interim report", body: "Long-term observers were deployed in all regions." });
  await submitStatement(page, id);
  await decideAsReviewer(browser, title, "Publish now", "The statement was published.", { axe: true });

  await page.goto(`/en/portal/statements/${id}`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit a correction" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit statement");
  await page.getByLabel("Text", { exact: true }).fill("Long-term observers were deployed in all regions except Balkan.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("The statement was saved.");
  await submitStatement(page, id);
  await decideAsReviewer(browser, title, "Publish now", "The statement was published.");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/en/statements/${id}`);
  await expect(visitor.getByRole("main")).toContainText("except Balkan");
  const versions = visitor.getByRole("region", { name: "Versions" }).getByRole("listitem");
  await expect(versions).toHaveCount(2);
  const hashes = await visitor.locator(".version-list .hash").allInnerTexts();
  expect(hashes).toHaveLength(2);
  expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
  expect(hashes[1]).toMatch(/^[0-9a-f]{64}$/);
  expect(hashes[0]).not.toBe(hashes[1]);
  await expect(versions.first()).toContainText("Version 2");
  await expect(versions.first()).toContainText("correction");
  await versions.last().getByRole("link", { name: "Version 1" }).click();
  await expect(visitor.getByRole("main")).not.toContainText("except Balkan");
  await expect(visitor.getByText("You are reading version 1, which has been corrected.")).toBeVisible();
  await expect(visitor).toHaveURL(`/en/statements/${id}/versions/1`);
});

test("Markdown with a script, an onerror attribute and a javascript: link renders inert", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = word();
  const title = `Press release ${marker}`;
  await signInAs(page, "coordinator");
  const id = await draftStatement(page, election, {
    title,
    kind: "Press release",
    body: `<script>window.__owned = 1</script>\n\n<img src="x" onerror="window.__owned = 2">\n\n[Read more](javascript:window.__owned=3) and [the ODIHR](https://www.osce.org/odihr).`,
  });
  await submitStatement(page, id);
  await decideAsReviewer(browser, title, "Publish now", "The statement was published.");
  const visitor = await (await browser.newContext()).newPage();
  let dialogs = 0;
  visitor.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await visitor.goto(`/en/statements/${id}`);
  const body = visitor.locator(".statement-body");
  await expect(body).toContainText('<script>window.__owned = 1</script>');
  await expect(body.locator("script, img, [onerror]")).toHaveCount(0);
  await expect(body.locator("a[href^='javascript']")).toHaveCount(0);
  await expect(body.getByRole("link", { name: "the ODIHR" })).toHaveAttribute("rel", "nofollow noopener");
  expect(await visitor.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
  expect(dialogs).toBe(0);
});
