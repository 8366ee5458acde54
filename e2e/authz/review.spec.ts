import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";
import { newOpenElection, submittedApplication, type ObserverRow, type TestElection } from "../accreditation/factories";
import { freshAddress, invite, strongPassword } from "../identity/accounts";

/**
 * The commission's side refused to everyone else: a coordinator gets 403 from the queue and the
 * application pages, and posting the reviewers' Server Actions (as a browser without JavaScript
 * would) decides nothing. The signed-out are sent to sign in.
 */

const state: { election?: TestElection; missionId: string; rows: ObserverRow[] } = { missionId: "", rows: [] };

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  state.election = await newOpenElection(browser);
  const submitted = await submittedApplication(browser, state.election, { count: 1, prefix: "AZ" });
  state.missionId = submitted.missionId;
  state.rows = submitted.rows;
});

async function staffPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signInAs(page, "reviewer");
  return page;
}

/** A form's fields (with the reference to its Server Action) as the reviewer's page renders them. */
async function fieldsOf(form: ReturnType<Page["locator"]>) {
  await expect(form).toHaveCount(1);
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[type=hidden]").all()) {
    const name = await input.getAttribute("name");
    if (name) fields[name] = await input.inputValue();
  }
  return fields;
}

test("a coordinator is refused the queue, the dashboard and the application pages of the commission", async ({ page }) => {
  await signInAs(page, "coordinator");
  for (const path of ["/commission", "/commission/applications", `/commission/applications/${state.missionId}`]) {
    const response = await page.goto(`/en${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("You cannot open this page");
    expect(await response!.text(), path).not.toContain(state.rows[0]!.passportNumber);
  }
});

test("the signed-out are sent to sign in from the commission's pages", async ({ page }) => {
  await page.goto(`/en/commission/applications/${state.missionId}`);
  await expect(page).toHaveURL(`/en/sign-in?next=${encodeURIComponent(`/en/commission/applications/${state.missionId}`)}`);
});

test("a coordinator posting the reviewers' decisions decides nothing", async ({ browser, page, baseURL }) => {
  const reviewer = await staffPage(browser, false);
  const path = `/en/commission/applications/${state.missionId}`;
  await reviewer.goto(path);
  const observerForm = reviewer.locator("form").filter({ has: reviewer.locator('input[name="observer"]') });
  const applicationForm = reviewer.locator("form").filter({ has: reviewer.getByRole("button", { name: "Reject the application" }) });
  const observerFields = { ...(await fieldsOf(observerForm)), observer: await observerForm.locator('input[name="observer"]').first().getAttribute("value") };
  const applicationFields = await fieldsOf(applicationForm);
  expect(Object.keys(observerFields).some((name) => name.startsWith("$ACTION"))).toBe(true);

  await signInAs(page, "coordinator");
  const posts = [
    { ...observerFields, intent: "accredit" },
    { ...observerFields, intent: "refuse", reasonCode: "other", reason: "Intruder" },
    { ...applicationFields, intent: "reject", reason: "Intruder" },
    { ...applicationFields, intent: "requestChanges", comment: "Intruder" },
  ];
  for (const fields of posts) {
    const response = await page.request.post(path, { multipart: fields as Record<string, string>, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect([403, 404], fields.intent).toContain(response.status());
  }

  // Nothing changed: the reviewer still sees a submitted application with its observer pending.
  const check = await staffPage(browser);
  await check.goto(path);
  await expect(check.locator(".summary-list").first()).toContainText("Submitted");
  await expect(check.getByRole("row").filter({ hasText: state.rows[0]!.surname })).toContainText("Pending");
  await expect(check.getByText("Intruder")).toHaveCount(0);

  // The same post by the reviewer reaches the action: proof that the fields made a valid call.
  const valid = await reviewer.request.post(path, { multipart: { ...observerFields, intent: "accredit" } as Record<string, string>, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(valid.status()).toBe(303);
  await check.reload();
  await expect(check.getByRole("row").filter({ hasText: state.rows[0]!.surname })).toContainText("Accredited");
  await reviewer.context().close();
  await check.context().close();
});

test("a reviewer who has not yet set up a second factor gets no file of an application", async ({ browser }) => {
  const address = freshAddress("reviewer");
  const adminContext = await browser.newContext();
  const { link } = await invite(await adminContext.newPage(), { email: address, role: "Reviewer" });
  await adminContext.close();
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel("Your full name").fill("Aman Orazow");
  await newcomer.getByLabel("New password", { exact: true }).fill(strongPassword);
  await newcomer.getByLabel("Repeat the new password").fill(strongPassword);
  await newcomer.getByLabel("Language of the portal and of your emails").selectOption({ label: "English" });
  await newcomer.getByRole("button", { name: "Create my account" }).click();
  await expect(newcomer).toHaveURL(/\/en\/two-factor\/setup$/);

  const letter = `/api/applications/${state.missionId}/letter`;
  const enrolled = await staffPage(browser);
  expect((await enrolled.request.get(letter)).status()).toBe(200);
  const refused = await newcomer.request.get(letter);
  expect(refused.status()).toBe(403);
  expect((await refused.body()).length).toBe(0);
  await Promise.all([enrolled.context().close(), newcomer.context().close()]);
});
