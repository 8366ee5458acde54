import { expect, test, type Page } from "@playwright/test";
import en from "../../messages/en.json";
import { errorSummary, signInAs } from "../fixtures";
import { newOpenElection, observerRow, startApplication, type ObserverRow, type TestElection } from "./factories";

/** The observer form reports every problem at once: a mistyped field and a date that breaks the election's rules. */

const expectedMessages = [
  "Date of birth: An observer must be at least 18 years old on election day.",
  "Observer's email address (optional): Enter an email address like name@example.org.",
];

/** A valid observer, as the factories make one, typed into the form. */
async function fillObserver(page: Page, observer: ObserverRow) {
  await page.getByLabel("Surname").fill(observer.surname);
  await page.getByLabel("Given names").fill(observer.givenNames);
  await page.getByLabel("Sex").selectOption(observer.sex);
  await page.getByLabel("Date of birth").fill(observer.dateOfBirth);
  await page.getByLabel("Nationality").selectOption(observer.nationality);
  await page.getByLabel("Passport number").fill(observer.passportNumber);
  await page.getByLabel("Passport expiry date").fill(observer.passportExpiresOn);
  await page.getByLabel("Role in the mission").selectOption({ label: observer.role });
  await page.getByLabel("Arrival", { exact: true }).fill(observer.arrivalOn);
  await page.getByLabel("Departure", { exact: true }).fill(observer.departureOn);
}

/** An observer aged 16 on election day, whose email address lacks its domain. */
async function fillUnderageObserverWithBadEmail(page: Page, election: TestElection) {
  await fillObserver(page, { ...observerRow(election, 0, "UA"), dateOfBirth: `${Number(election.electionDay.slice(0, 4)) - 16}-01-01` });
  await page.getByLabel("Observer's email address (optional)").fill("piotr.nowak@");
}

test("a mistyped email and an underage observer are both reported after one submission, in the browser and by the server", async ({ page, browser }) => {
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);

  await page.goto(`/en${path}/observers/new`);
  await fillUnderageObserverWithBadEmail(page, election);
  await page.getByRole("button", { name: "Add the observer" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(expectedMessages);
  await expect(page.getByLabel("Date of birth")).toHaveAttribute("aria-invalid", "true");

  // Without JavaScript the Server Action answers alone, with the same two messages.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(`/en${path}/observers/new`);
  await fillUnderageObserverWithBadEmail(plain, election);
  await plain.getByRole("button", { name: "Add the observer" }).click();
  await expect(errorSummary(plain).getByRole("link")).toHaveText(expectedMessages);
  await expect(plain.getByLabel("Passport number")).toHaveValue("UA000000");
  await noScript.close();
});

test("a second head of mission is refused by the server at the role field, and what was typed stays", async ({ page, browser }) => {
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  await page.goto(`/en${path}/observers/new`);
  // A Kosovo passport (XK) is among the nationalities, as in the import.
  await fillObserver(page, { ...observerRow(election, 0, "HD"), nationality: "XK" });
  await page.getByRole("button", { name: "Add the observer" }).click();
  await expect(page.getByRole("status")).toHaveText("The observer was added.");

  const second = { ...observerRow(election, 1, "HD"), role: "Head of mission" };
  await page.goto(`/en${path}/observers/new`);
  await fillObserver(page, second);
  await page.getByRole("button", { name: "Add the observer" }).click();
  const message = en.validation.headOfMissionSaved;
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([`Role in the mission: ${message}`]);
  await expect(page.locator("#role-error")).toHaveText(message);
  await expect(page.getByLabel("Role in the mission")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Passport number")).toHaveValue(second.passportNumber);

  // Without JavaScript a mistyped field does not hide the saved head: both come back in one round.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(`/en${path}/observers/new`);
  await fillObserver(plain, second);
  await plain.getByLabel("Observer's email address (optional)").fill("piotr.nowak@");
  await plain.getByRole("button", { name: "Add the observer" }).click();
  await expect(errorSummary(plain).getByRole("link")).toHaveText([`Role in the mission: ${message}`, expectedMessages[1]!]);
  await noScript.close();

  await page.getByLabel("Role in the mission").selectOption({ label: "Short-term observer" });
  await page.getByRole("button", { name: "Add the observer" }).click();
  await expect(page.getByRole("status")).toHaveText("The observer was added.");
  await expect(page.getByRole("table", { name: "Observers of the mission: 2" })).toBeVisible();
});
