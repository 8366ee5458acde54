import { expect, test, type Browser, type Locator } from "@playwright/test";
import { newOpenElection } from "../accreditation/factories";
import { signInAs } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { draftWithNominees, invite, joinFromEmail, nameOf, nominees } from "../observers/helpers";

/** A form's fields as a browser without JavaScript posts them, Server Action reference included. */
async function formFields(form: Locator) {
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[type=hidden]").all()) fields[(await input.getAttribute("name"))!] = await input.inputValue();
  expect(Object.keys(fields).some((name) => name.startsWith("$ACTION"))).toBe(true);
  return fields;
}

/** Two nominated observers with photos, both invited; the first has joined. */
async function twoObservers(browser: Browser, prefix: string) {
  const election = await newOpenElection(browser, "Observer authz by-election");
  const [own, other] = nominees(election, 2, prefix);
  const draft = await draftWithNominees(browser, election, [own!, other!], [own!, other!]);
  const ownId = await invite(draft.page, draft.path, own!, "English");
  const otherId = await invite(draft.page, draft.path, other!, "English");
  const { page: observer, link } = await joinFromEmail(browser, own!, "en");
  return { ...draft, election, own: own!, other: other!, ownId, otherId, observer, link };
}

test("an observer sees only their own record: other observers, the letter, both workspaces and others' actions are refused and audited", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const { page: coordinator, path, missionId, other, ownId, otherId, observer } = await twoObservers(browser, "OZ");
  const request = observer.request;

  expect((await observer.goto(`/en/me/records/${ownId}`))?.status()).toBe(200);
  expect((await observer.goto(`/en/me/records/${otherId}`))?.status()).toBe(404);
  expect((await request.get(`/api/observers/${ownId}/photo`)).status()).toBe(200);
  expect((await request.get(`/api/observers/${otherId}/photo`)).status()).toBe(404);
  expect((await request.get(`/api/observers/${otherId}/badge`)).status()).toBe(404);
  expect((await request.get(`/api/applications/${missionId}/letter`)).status()).toBe(404);
  // A probed id that a database column cannot hold (NUL) is refused the same way, not with an error page.
  expect((await request.get("/api/observers/%00/photo")).status()).toBe(404);
  expect((await request.get("/api/applications/%00/letter")).status()).toBe(404);
  for (const workspace of ["/en/portal", `/en${path}/observers`, `/en${path}/observers/${otherId}`, "/en/commission", "/en/commission/applications"]) {
    expect((await observer.goto(workspace))?.status(), workspace).toBe(403);
  }

  // The observer's own form, as a browser without JavaScript renders it, posted for the other observer.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await observer.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(`/en/me/records/${ownId}`);
  const ownForm = await formFields(plain.locator("form.form"));
  const forged = await observer.request.post(`/en/me/records/${ownId}`, {
    multipart: { ...ownForm, observerId: otherId, surname: "Intruder", givenNames: "Someone", cyrillicName: "", sex: "male", dateOfBirth: "1970-01-01", nationality: "PL", passportNumber: "XX1234567", passportExpiresOn: "2035-01-01" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect([403, 404]).toContain(forged.status());

  // The coordinator's invitation form, posted by the observer: refused.
  const coordinatorNoScript = await browser.newContext({ javaScriptEnabled: false, storageState: await coordinator.context().storageState() });
  const coordinatorPlain = await coordinatorNoScript.newPage();
  await coordinatorPlain.goto(`/en${path}/observers/${otherId}`);
  const inviteForm = await formFields(coordinatorPlain.locator("form").filter({ has: coordinatorPlain.getByRole("button", { name: "Send a new link" }) }));
  const resend = await observer.request.post(`/en${path}/observers/${otherId}`, { multipart: { ...inviteForm, emailLocale: "en" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect([403, 404]).toContain(resend.status());
  await noScript.close();
  await coordinatorNoScript.close();

  // The observer's workspace is not the coordinator's.
  expect((await coordinator.goto("/en/me"))?.status()).toBe(403);
  expect((await coordinator.goto(`/en/me/records/${otherId}`))?.status()).toBe(403);

  // Nothing changed: the other observer keeps their name and their one link.
  await coordinator.goto(`/en${path}/observers`);
  await expect(coordinator.getByRole("link", { name: nameOf(other) })).toBeVisible();
  await expect(coordinator.getByRole("link", { name: /Intruder/ })).toHaveCount(0);

  // The commission sees the attempts.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto(`/en/commission/admin/audit?action=observer.access_refused&entityType=observer&entityId=${otherId}`);
  await expect(admin.getByRole("cell", { name: "Observer refused access" }).first()).toBeVisible();
  await admin.goto(`/en/commission/admin/audit?action=observer.access_refused&entityType=permission`);
  await expect(admin.getByRole("cell", { name: "Observer refused access" }).first()).toBeVisible();
});

test("a used link and a replaced link are refused with a clear page, in the link's language", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page: coordinator, path, other, link } = await twoObservers(browser, "OL");
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This link has been used");
  await expect(visitor.locator("#password")).toHaveCount(0);

  const first = (await waitForEmail(other.email)).links.find((l) => l.includes("/observer-invitation/"))!;
  const since = new Date();
  await coordinator.goto(`/en${path}/observers`);
  await coordinator.getByRole("link", { name: nameOf(other) }).click();
  await coordinator.getByLabel("Language of the email and the observer's pages").selectOption({ label: "Русский" });
  await coordinator.getByRole("button", { name: "Send a new link" }).click();
  await expect(coordinator.getByRole("status")).toHaveText("A new link was sent; the earlier one no longer works.");
  const second = (await waitForEmail(other.email, { since })).links.find((l) => l.includes("/observer-invitation/"))!;
  expect(new URL(second).pathname).toMatch(/^\/ru\//);

  await visitor.goto(first);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await visitor.goto(second);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Ваша аккредитация наблюдателя");

  // Revoked by the coordinator: the newest link stops working too.
  await coordinator.getByRole("button", { name: "Revoke the link" }).click();
  await coordinator.getByRole("dialog").getByRole("button", { name: "Revoke the link" }).click();
  await expect(coordinator.getByRole("status")).toHaveText("The link was revoked.");
  await visitor.goto(second);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Эта ссылка больше не действует");
});
