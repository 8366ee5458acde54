import { expect, test, type Page } from "@playwright/test";
import { signInAs, signInWithPassword } from "../fixtures";
import { approvedMission, draftStatement, submitStatement } from "../statements/helpers";

/**
 * Statements before publication belong to their mission and the commission: coordinators cannot
 * publish (pages or the action), and drafts and returned statements stay invisible to another
 * organization and to the public, by direct URL and by attachment link.
 */

/** The decision form's fields as a browser without JavaScript posts them (the action's reference included). */
async function decisionFormFields(page: Page) {
  const form = page.locator("form").filter({ has: page.locator("input[name=revision]") });
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[type=hidden]").all()) fields[(await input.getAttribute("name"))!] = await input.inputValue();
  return fields;
}

test("coordinators cannot publish; drafts and returned statements are invisible to other organizations and the public", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const { election } = await approvedMission(browser, "Statements authz by-election");
  const title = `Embargoed draft ${Math.random().toString(36).slice(2, 8)}`;
  await signInAs(page, "coordinator");
  const draftId = await draftStatement(page, election, { title, body: "Not for anyone else yet.", attachment: true });
  const attachment = (await page.getByRole("link", { name: "annex.pdf" }).getAttribute("href"))!;
  expect((await page.request.get(attachment)).status()).toBe(200);

  const outsiders = async () => {
    const anonymous = await (await browser.newContext()).newPage();
    expect((await anonymous.goto(`/en/statements/${draftId}`))?.status()).toBe(404);
    expect((await anonymous.request.get(attachment)).status()).toBe(404);
    await anonymous.context().close();
    const other = await (await browser.newContext()).newPage();
    await signInWithPassword(other, "coordinator.cis@portal.example");
    await expect(other).toHaveURL(/\/en\/portal$/);
    for (const url of [`/en/portal/statements/${draftId}`, `/en/portal/statements/${draftId}/edit`, `/en/statements/${draftId}`]) {
      expect((await other.goto(url))?.status(), url).toBe(404);
    }
    expect((await other.request.get(attachment)).status()).toBe(404);
    await other.goto("/en/portal/statements");
    await expect(other.getByRole("main")).not.toContainText(title);
    await other.context().close();
  };
  await outsiders();

  // Staff see a submitted version; without JavaScript its decision form carries the action's reference.
  await submitStatement(page, draftId);
  const reviewer = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signInAs(reviewer, "reviewer");
  await reviewer.goto("/en/commission/statements");
  const reviewHref = (await reviewer.getByRole("link", { name: title }).getAttribute("href"))!;
  await reviewer.goto(reviewHref);
  const fields = await decisionFormFields(reviewer);
  expect(Object.keys(fields).some((name) => name.startsWith("$ACTION"))).toBe(true);

  // The coordinator is refused the staff pages and the publishing action.
  for (const url of ["/en/commission/statements", reviewHref]) expect((await page.goto(url))?.status(), url).toBe(403);
  const response = await page.request.post(reviewHref, { multipart: { ...fields, intent: "now" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect([403, 404]).toContain(response.status());
  await reviewer.reload();
  await expect(reviewer.getByRole("main")).toContainText("Submitted to the Commission");

  // Returned with a reason: still the mission's alone.
  await reviewer.getByLabel("Reason for returning").fill("Wrong election");
  await reviewer.getByRole("button", { name: "Return to the mission" }).click();
  await expect(reviewer.getByRole("status")).toHaveText("The statement was returned to the mission.");
  // The mission's changes from now on are its own until it submits again.
  await expect(reviewer.getByText(/^The mission may now be changing its words/)).toBeVisible();
  await reviewer.context().close();
  await page.goto(`/en/portal/statements/${draftId}`);
  await expect(page.getByText("Returned by the Commission: Wrong election")).toBeVisible();
  await outsiders();
});

test("the public pages' refresh exists only for the server's own watch: anyone else, staff too, finds nothing", async ({ page, request }) => {
  const refresh = "/api/internal/public-refresh";
  for (const headers of [{}, { "x-refresh-token": "" }, { "x-refresh-token": "A".repeat(43) }] as Record<string, string>[]) {
    expect((await request.post(refresh, { headers })).status()).toBe(404);
  }
  await signInAs(page, "admin");
  expect((await page.request.post(refresh)).status()).toBe(404);
  expect((await page.request.get(refresh)).status()).toBe(405);
});
