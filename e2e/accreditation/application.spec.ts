import { expect, test } from "@playwright/test";
import { demoAccounts, errorSummary, expectNoAxeViolations, signInAs, signInWithPassword } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { fillMissionDetails, newOpenElection, observerRow, portraitJpeg, requestLetterPdf, startApplication, type TestElection } from "./factories";

/** The coordinator's path from an open election to a submitted application. */

async function addHeadOfMission(page: import("@playwright/test").Page, election: TestElection, path: string) {
  const head = observerRow(election, 0, "HM");
  await page.goto(`/en${path}/observers/new`);
  await page.getByLabel("Surname").fill(head.surname);
  await page.getByLabel("Given names").fill(head.givenNames);
  await page.getByLabel("Sex").selectOption({ label: "Male" });
  await page.getByLabel("Date of birth").fill(head.dateOfBirth);
  await page.getByLabel("Nationality").selectOption({ label: "Poland" });
  await page.getByLabel("Passport number").fill(head.passportNumber);
  await page.getByLabel("Passport expiry date").fill(head.passportExpiresOn);
  await page.getByLabel("Role in the mission").selectOption({ label: "Head of mission" });
  await page.getByLabel("Arrival", { exact: true }).fill(head.arrivalOn);
  await page.getByLabel("Departure", { exact: true }).fill(head.departureOn);
  return head;
}

test("a coordinator applies step by step, leaves midway, comes back and submits; the receipt arrives", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);

  // An empty step is refused with every problem named, in a summary that takes focus.
  await page.getByRole("button", { name: "Save and continue" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link").first()).toHaveText("Name of the mission: This field is required.");
  await expect(page.getByLabel("Name of the mission")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  // Dates outside the observation window are refused at once, in the browser as on the server; the rest is kept.
  await fillMissionDetails(page, election);
  await page.getByLabel("Planned arrival").fill(election.electionDay.replace(/^(\d{4})/, (y) => String(Number(y) - 1)));
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(summary.getByRole("link")).toHaveText(["Planned arrival: The arrival date must be within the election's observation period."]);
  await expect(page.getByLabel("Name of the mission")).toHaveValue("OSCE/ODIHR Election Assessment Mission");
  await page.getByLabel("Planned arrival").fill(election.arrivalOn);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${path}/letter$`));

  // She leaves; in a new session the draft is where she left it.
  await page.context().clearCookies();
  const later = await browser.newContext();
  const again = await later.newPage();
  await signInWithPassword(again, demoAccounts.coordinator.email);
  await again.getByRole("link", { name: election.title }).click();
  await expect(again.getByRole("heading", { level: 1 })).toHaveText("OSCE/ODIHR Election Assessment Mission");
  await expect(again.getByRole("listitem").filter({ hasText: "Mission details" })).toContainText("Completed");
  await expect(again.getByRole("listitem").filter({ hasText: "Request letter" })).toContainText("To do");
  await expectNoAxeViolations(again);

  // A picture renamed to .pdf is not a letter; the real PDF is.
  await again.getByRole("link", { name: "Request letter" }).click();
  await again.getByLabel("Request letter (PDF)").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: await portraitJpeg() });
  await again.getByRole("button", { name: "Upload and continue" }).click();
  await expect(errorSummary(again)).toContainText("Request letter (PDF): The letter must be a complete PDF file.");
  await again.getByLabel("Request letter (PDF)").setInputFiles({ name: "Request to the CEC.pdf", mimeType: "application/pdf", buffer: requestLetterPdf() });
  await again.getByRole("button", { name: "Upload and continue" }).click();
  await expect(again).toHaveURL(new RegExp(`/en${path}/observers$`));

  // Submitting with nobody on the list says what is missing.
  await again.goto(`/en${path}/check`);
  await expect(again.getByRole("region", { name: "Before you can submit" })).toContainText("Add at least one observer.");
  await expect(again.getByRole("button", { name: "Submit the application" })).toHaveCount(0);

  const head = await addHeadOfMission(again, election, path);
  await again.getByLabel("Photo (you can add it later)").setInputFiles({ name: "portrait.jpg", mimeType: "image/jpeg", buffer: await portraitJpeg() });
  await again.getByRole("button", { name: "Add the observer" }).click();
  await expect(again.getByRole("status")).toHaveText("The observer was added.");
  await expect(again.getByRole("row").filter({ hasText: `${head.surname}, ${head.givenNames}` })).toContainText("Head of mission");
  await expectNoAxeViolations(again);

  await again.getByRole("link", { name: "Continue to check your answers" }).click();
  await expect(again.getByText("Request to the CEC.pdf")).toBeVisible();
  await expectNoAxeViolations(again);
  const submittedAt = new Date();
  await again.getByRole("button", { name: "Submit the application" }).click();
  await expect(again.getByRole("status")).toHaveText("Your application has been submitted. A receipt is on its way to your email.");
  await expect(again.locator(".summary-list")).toContainText("Submitted");
  await expect(again.locator(".summary-list")).toContainText("Decision due by");
  await expect(again.getByRole("table", { name: "Submissions" }).getByRole("row")).toHaveCount(2);

  const receipt = await waitForEmail(demoAccounts.coordinator.email, { subjectIncludes: election.title, since: submittedAt });
  expect(receipt.text).toContain("1 observer");
  // The submitted application is no longer the coordinator's to change.
  await again.goto(`/en${path}/mission`);
  await expect(again.getByText("The application cannot be changed in its current status.")).toBeVisible();
  await later.close();
});

test("the coordinator withdraws a draft application after confirming, and may start a new one", async ({ page, browser }) => {
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  await page.goto(`/en${path}`);
  await page.getByRole("button", { name: "Withdraw the application" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Withdraw the application" }).click();
  await expect(page.getByRole("status")).toHaveText("The application has been withdrawn.");
  await expect(page.locator(".summary-list")).toContainText("Withdrawn");
  await expect(page.getByRole("button", { name: "Withdraw the application" })).toHaveCount(0);

  // The election is open to the organization again: a new draft, the withdrawn one kept as it was.
  await page.goto("/en/portal");
  await expect(page.getByRole("table").getByRole("link", { name: election.title })).toHaveAttribute("href", `/en${path}`);
  await page.locator(".section-list").getByRole("link", { name: election.title }).click();
  await page.getByRole("button", { name: "Start the application" }).click();
  await expect(page).toHaveURL(/\/en\/portal\/applications\/[0-9a-f-]{36}\/mission$/);
  expect(page.url()).not.toContain(path);
  await page.goto(`/en${path}`);
  await expect(page.locator(".summary-list")).toContainText("Withdrawn");
});

test("an election whose accreditation has not opened yet says when it opens, and offers no start", async ({ page, browser }) => {
  const election = await newOpenElection(browser, "Referendum", { accreditationOpensInDays: 3 });
  await signInAs(page, "coordinator");
  await page.goto("/en/portal");
  await expect(page.getByRole("listitem").filter({ hasText: election.title })).toContainText("Accreditation opens on");
  await page.getByRole("link", { name: election.title }).click();
  await expect(page.getByText(/^Accreditation opens on .+ \(Ashgabat time\)\.$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the application" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
