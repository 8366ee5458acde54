import { expect, test, type APIResponse, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { buildZip } from "../../test/zip-writer";
import {
  fillMissionDetails,
  newOpenElection,
  observerRow,
  observersCsv,
  portraitJpeg,
  requestLetterPdf,
  startApplication,
  type ObserverRow,
  type TestElection,
} from "../accreditation/factories";
import { signInAs, signInWithPassword } from "../fixtures";

/**
 * One organization's application, observers, photos and letter, as the coordinator of another
 * organization tries to reach them: in the workspace, by typed URLs, by file links and by posting
 * the Server Actions of their own pages with the other organization's ids. Staff and the
 * signed-out are refused the coordinator's pages and files as well.
 */

// The tests share one set-up and run in order.
test.describe.configure({ mode: "default" });

type Applicant = {
  /** The signed-in session, to open as many browsers as a test needs. */
  session: Awaited<ReturnType<BrowserContext["storageState"]>>;
  missionName: string;
  letterName: string;
  observer: ObserverRow;
  /** "/portal/applications/<missionId>" */
  missionPath: string;
  missionId: string;
  observerId: string;
};

let election: TestElection;
/** The OSCE/ODIHR coordinator, whose application is attacked. */
let victim: Applicant;
/** The CIS coordinator, with an application of their own to the same election. */
let attacker: Applicant;

const attackerEmail = "coordinator.cis@portal.example";

async function fillObserver(page: Page, row: ObserverRow) {
  await page.getByLabel("Surname").fill(row.surname);
  await page.getByLabel("Given names").fill(row.givenNames);
  await page.getByLabel("Sex").selectOption(row.sex);
  await page.getByLabel("Date of birth").fill(row.dateOfBirth);
  await page.getByLabel("Nationality").selectOption(row.nationality);
  await page.getByLabel("Passport number").fill(row.passportNumber);
  await page.getByLabel("Passport expiry date").fill(row.passportExpiresOn);
  await page.getByLabel("Role in the mission").selectOption({ label: row.role });
  await page.getByLabel("Arrival", { exact: true }).fill(row.arrivalOn);
  await page.getByLabel("Departure", { exact: true }).fill(row.departureOn);
}

/** A whole application made through the UI: details, letter, and one observer with a photo. */
async function applyAs(
  browser: Browser,
  signIn: (page: Page) => Promise<void>,
  details: Pick<Applicant, "missionName" | "letterName" | "observer">,
): Promise<Applicant> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  const missionPath = await startApplication(page, election);
  await fillMissionDetails(page, election);
  await page.getByLabel("Name of the mission").fill(details.missionName);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${missionPath}/letter$`));
  await page.getByLabel("Request letter (PDF)").setInputFiles({ name: details.letterName, mimeType: "application/pdf", buffer: requestLetterPdf() });
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${missionPath}/observers$`));
  await page.getByRole("link", { name: "Add an observer" }).click();
  await fillObserver(page, details.observer);
  await page.getByLabel("Photo (you can add it later)").setInputFiles({ name: "portrait.jpg", mimeType: "image/jpeg", buffer: await portraitJpeg() });
  await page.getByRole("button", { name: "Add the observer" }).click();
  await expect(page.getByRole("status")).toHaveText("The observer was added.");
  const href = await page.getByRole("link", { name: `${details.observer.surname}, ${details.observer.givenNames}` }).getAttribute("href");
  const session = await context.storageState();
  await context.close();
  return {
    ...details,
    session,
    missionPath,
    missionId: missionPath.split("/").pop()!,
    observerId: /\/observers\/([0-9a-f-]{36})$/.exec(href!)![1]!,
  };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  election = await newOpenElection(browser, "Presidential election");
  victim = await applyAs(browser, (page) => signInAs(page, "coordinator"), {
    missionName: `ODIHR mission ${election.code}`,
    letterName: "ODIHR request.pdf",
    observer: { ...observerRow(election, 0, "OD"), surname: "Zielinski", givenNames: "Tomasz" },
  });
  attacker = await applyAs(
    browser,
    async (page) => {
      await signInWithPassword(page, attackerEmail);
      await expect(page).toHaveURL(/\/en\/portal$/);
    },
    {
      missionName: `CIS mission ${election.code}`,
      letterName: "CIS request.pdf",
      observer: { ...observerRow(election, 0, "CI"), surname: "Sidorov", givenNames: "Pavel" },
    },
  );
});

/** A browser signed in as one of the two coordinators. */
async function browse(browser: Browser, who: Applicant, javaScriptEnabled = true) {
  const context = await browser.newContext({ storageState: who.session, javaScriptEnabled });
  return context.newPage();
}

const letterUrl = () => `/api/applications/${victim.missionId}/letter`;
const photoUrl = () => `/api/observers/${victim.observerId}/photo`;

/** Every page of the victim's application, and the victim's observer under the attacker's own application. */
const victimPages = () => [
  victim.missionPath,
  `${victim.missionPath}/mission`,
  `${victim.missionPath}/letter`,
  `${victim.missionPath}/observers`,
  `${victim.missionPath}/observers/new`,
  `${victim.missionPath}/observers/${victim.observerId}`,
  `${victim.missionPath}/observers/import`,
  `${victim.missionPath}/observers/photos`,
  `${victim.missionPath}/check`,
  `${attacker.missionPath}/observers/${victim.observerId}`,
];

/** Nothing of the victim's application is in the page, not even in its source. */
function expectNothingOfTheVictim(html: string, where: string) {
  for (const secret of [victim.missionName, victim.letterName, victim.observer.surname, victim.observer.passportNumber]) {
    expect(html, `${where} shows ${secret}`).not.toContain(secret);
  }
}

test("another organization's coordinator sees only their own application, and none of the other's pages", async ({ browser }) => {
  const page = await browse(browser, attacker);
  await page.goto("/en/portal");
  const row = page.getByRole("row").filter({ hasText: election.title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(attacker.missionName);
  expectNothingOfTheVictim(await page.content(), "/en/portal");

  for (const path of victimPages()) {
    const response = await page.goto(`/en${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
    expectNothingOfTheVictim(await response!.text(), path);
  }
  await page.context().close();
});

test("the letter and the photo are sent to their own coordinator only", async ({ browser, request }) => {
  const owner = await browse(browser, victim);
  const intruder = await browse(browser, attacker);

  // The owner gets them, as downloads that no browser may sniff into something else.
  const letter = await owner.request.get(letterUrl());
  expect(letter.status()).toBe(200);
  expect(letter.headers()["content-disposition"]).toContain(`attachment; filename="${victim.letterName}"`);
  expect(letter.headers()["x-content-type-options"]).toBe("nosniff");
  const photo = await owner.request.get(photoUrl());
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-disposition"]).toMatch(/^inline; filename=/);
  expect(photo.headers()["x-content-type-options"]).toBe("nosniff");

  for (const url of [letterUrl(), photoUrl()]) {
    const refused = await intruder.request.get(url);
    expect(refused.status(), url).toBe(404);
    expect((await refused.body()).length, url).toBe(0);
    expect((await request.get(url)).status(), `${url} signed out`).toBe(401);
  }

  // The list template is for coordinators too.
  const template = "/api/observer-template?format=csv&locale=en";
  expect((await intruder.request.get(template)).status()).toBe(200);
  expect((await request.get(template)).status()).toBe(401);
  await owner.context().close();
  await intruder.context().close();
});

type Fields = [name: string, value: string][];
type Upload = { name: string; mimeType: string; buffer: Buffer };

/** What a form posts, the reference to its Server Action included, as the page renders it without JavaScript. */
async function formFields(form: Locator): Promise<Fields> {
  await expect(form).toHaveCount(1);
  const fields: Fields = [];
  for (const control of await form.locator("input[name], select[name]").all()) {
    const type = await control.getAttribute("type");
    if (type === "file" || ((type === "checkbox" || type === "radio") && !(await control.isChecked()))) continue;
    fields.push([(await control.getAttribute("name"))!, await control.inputValue()]);
  }
  return fields;
}

/** The fields as a multipart body, with some values replaced (ids) and files attached. */
function body(fields: Fields, values: Record<string, string | Upload>) {
  const data = new FormData();
  for (const [name, value] of fields) if (!(name in values)) data.append(name, value);
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string") data.append(name, value);
    else data.append(name, new File([new Uint8Array(value.buffer)], value.name, { type: value.mimeType }));
  }
  return data;
}

/** Posts a form as a browser without JavaScript would; Next runs it as the Server Action the fields name. */
function post(page: Page, baseURL: string, path: string, data: FormData) {
  return page.request.post(`/en${path}`, { multipart: data, headers: { Origin: baseURL }, maxRedirects: 0 });
}

/** The victim's files as they are now, by their content hash. */
async function fileTags(page: Page) {
  const [letter, photo] = await Promise.all([page.request.get(letterUrl()), page.request.get(photoUrl())]);
  expect(letter.status()).toBe(200);
  expect(photo.status()).toBe(200);
  return { letter: letter.headers()["etag"], letterDisposition: letter.headers()["content-disposition"], photo: photo.headers()["etag"] };
}

async function expectRedirect(response: APIResponse, to: string) {
  expect(response.status(), to).toBe(303);
  expect(response.headers()["location"], to).toContain(to);
}

test("another organization's coordinator posting the Server Actions with the application's ids changes nothing", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await browse(browser, victim);
  const before = await fileTags(owner);

  // The attacker's own pages, without JavaScript: each form carries its Server Action reference.
  const page = await browse(browser, attacker, false);
  const own = attacker.missionPath;
  const fieldsOf = async (path: string, form: (page: Page) => Locator = (p) => p.locator("form.form")) => {
    await page.goto(`/en${path}`);
    return formFields(form(page));
  };
  const mission = await fieldsOf(`${own}/mission`);
  expect(mission.some(([name]) => name.startsWith("$ACTION"))).toBe(true);
  const letter = await fieldsOf(`${own}/letter`);
  const newcomer = observerRow(election, 1, "NW");
  await page.goto(`/en${own}/observers/new`);
  await fillObserver(page, newcomer);
  const add = await formFields(page.locator("form.form"));
  const edit = await fieldsOf(`${own}/observers/${attacker.observerId}`);
  const remove = await fieldsOf(`${own}/observers`, (p) => p.locator("form.row-actions"));
  const importList = await fieldsOf(`${own}/observers/import`);
  const photos = await fieldsOf(`${own}/observers/photos`);
  const submit = await fieldsOf(`${own}/check`);
  const withdraw = await fieldsOf(own, (p) => p.locator("form").filter({ has: p.getByRole("button", { name: "Withdraw the application" }) }));

  const forgedLetter = { name: "Forged.pdf", mimeType: "application/pdf", buffer: requestLetterPdf() };
  const otherPhoto = { name: "portrait.jpg", mimeType: "image/jpeg", buffer: await portraitJpeg("#b34d4d") };
  const list = { name: "observers.csv", mimeType: "text/csv", buffer: observersCsv([observerRow(election, 2, "IM")]) };
  const zipFor = (passportNumber: string) => ({
    name: "photos.zip",
    mimeType: "application/zip",
    buffer: buildZip([{ name: `${passportNumber}.jpg`, data: otherPhoto.buffer }]),
  });
  const theirMission = { missionId: victim.missionId };
  const theirObserver = { missionId: victim.missionId, observerId: victim.observerId };
  const theirObserverInOwnMission = { observerId: victim.observerId };

  const attacks: [what: string, path: string, fields: Fields, values: Record<string, string | Upload>][] = [
    ["save the mission details", `${own}/mission`, mission, theirMission],
    ["replace the letter", `${own}/letter`, letter, { ...theirMission, letter: forgedLetter }],
    ["add an observer", `${own}/observers/new`, add, { ...theirMission, photo: otherPhoto }],
    ["correct the observer", `${own}/observers/${attacker.observerId}`, edit, { ...theirObserver, photo: otherPhoto }],
    ["correct the observer under the own application", `${own}/observers/${attacker.observerId}`, edit, { ...theirObserverInOwnMission, photo: otherPhoto }],
    ["remove the observer", `${own}/observers`, remove, theirObserver],
    ["remove the observer under the own application", `${own}/observers`, remove, theirObserverInOwnMission],
    ["import a list of observers", `${own}/observers/import`, importList, { ...theirMission, file: list }],
    ["add photos from a ZIP", `${own}/observers/photos`, photos, { ...theirMission, archive: zipFor(victim.observer.passportNumber) }],
    ["submit the application", `${own}/check`, submit, theirMission],
    ["withdraw the application", own, withdraw, theirMission],
  ];
  // Each is "not found" and says nothing of the application. The action, not a page, said so:
  // posted without JavaScript, Next answers with app/global-not-found.tsx, in all three languages.
  for (const [what, path, fields, values] of attacks) {
    const response = await post(page, baseURL!, path, body(fields, values));
    expect(response.status(), what).toBe(404);
    expect(response.headers()["location"], what).toBeUndefined();
    const html = await response.text();
    expectNothingOfTheVictim(html, what);
    for (const title of ["Sahypa tapylmady", "Страница не найдена", "Page not found"]) expect(html, what).toContain(`${title}</h`);
  }

  // The victim's application is as it was.
  await owner.goto(`/en${victim.missionPath}`);
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(victim.missionName);
  await expect(owner.locator(".summary-list")).toContainText("Draft");
  await expect(owner.getByRole("listitem").filter({ hasText: "Observers" })).toContainText("1 observer");
  await owner.goto(`/en${victim.missionPath}/observers`);
  await expect(owner.getByRole("row")).toHaveCount(2);
  await expect(owner.getByRole("row").filter({ hasText: `${victim.observer.surname}, ${victim.observer.givenNames}` })).toContainText("Yes");
  expect(await fileTags(owner)).toEqual(before);
  expect(before.letterDisposition).toContain(victim.letterName);

  // The same posts with the attacker's own ids reach the actions: proof that the fields make valid calls.
  await expectRedirect(await post(page, baseURL!, `${own}/mission`, body(mission, {})), `${own}/letter`);
  await expectRedirect(await post(page, baseURL!, `${own}/letter`, body(letter, { letter: forgedLetter })), `${own}/observers`);
  const ownEdit = `${own}/observers/${attacker.observerId}`;
  await expectRedirect(await post(page, baseURL!, ownEdit, body(edit, { photo: otherPhoto })), "notice=observerSaved");
  const zipped = await post(page, baseURL!, `${own}/observers/photos`, body(photos, { archive: zipFor(attacker.observer.passportNumber) }));
  expect(zipped.status()).toBe(200);
  expect(await zipped.text()).toContain("1 photo was attached.");
  await expectRedirect(await post(page, baseURL!, `${own}/observers/new`, body(add, { photo: otherPhoto })), "notice=observerAdded");
  await expectRedirect(await post(page, baseURL!, `${own}/observers/import`, body(importList, { file: list })), "notice=imported");
  await expectRedirect(await post(page, baseURL!, `${own}/observers`, body(remove, {})), "notice=observerRemoved");
  // Without its head of mission, and with an imported observer still without a photo, the application is not complete.
  const incomplete = await post(page, baseURL!, `${own}/check`, body(submit, {}));
  expect(incomplete.status()).toBe(200);
  expect(await incomplete.text()).toContain("The application is not complete yet.");
  await expectRedirect(await post(page, baseURL!, own, body(withdraw, {})), "notice=withdrawn");

  await page.context().close();
  await owner.context().close();
});

for (const [role, who] of [["reviewer", "a reviewer"], ["admin", "an admin"]] as const) {
  test(`${who} has no coordinator workspace: its pages, a draft's files and the template are refused`, async ({ page }) => {
    await signInAs(page, role);
    for (const path of ["/portal", victim.missionPath, `${victim.missionPath}/observers/${victim.observerId}`, `${victim.missionPath}/check`]) {
      const response = await page.goto(`/en${path}`);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("You cannot open this page");
      expectNothingOfTheVictim(await response!.text(), path);
    }
    // A draft's files are still the coordinator's alone; staff read them once it is submitted.
    for (const url of [letterUrl(), photoUrl()]) {
      expect((await page.request.get(url)).status(), url).toBe(404);
    }
    expect((await page.request.get("/api/observer-template?format=csv&locale=en")).status()).toBe(403);
  });
}

test("the signed-out are sent to sign in from an application's pages", async ({ page }) => {
  for (const path of [victim.missionPath, `${victim.missionPath}/observers/${victim.observerId}`]) {
    await page.goto(`/en${path}`);
    await expect(page).toHaveURL(`/en/sign-in?next=${encodeURIComponent(`/en${path}`)}`);
  }
});
