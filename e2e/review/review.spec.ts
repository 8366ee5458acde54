import { expect, test, type Page } from "@playwright/test";
import en from "../../messages/en.json";
import ru from "../../messages/ru.json";
import tk from "../../messages/tk.json";
import { demoAccounts, errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { newOpenElection, portraitJpeg, submittedApplication, type ObserverRow } from "../accreditation/factories";

/** The review loop: the commission asks, the mission answers, the commission decides, the mission learns. */

const catalogs = { tk, ru, en } as const;
const nameOf = (row: ObserverRow) => `${row.surname}, ${row.givenNames}`;

async function openForReview(page: Page, electionTitle: string) {
  await page.goto("/en/commission/applications");
  await page.getByRole("link", { name: `OSCE/ODIHR — ${electionTitle}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("OSCE/ODIHR: OSCE/ODIHR Election Assessment Mission");
}

test("a reviewer asks for changes, the coordinator resubmits, the reviewer decides each observer and approves; the coordinator sees it all", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const election = await newOpenElection(browser);
  const { path, rows } = await submittedApplication(browser, election, { count: 3, prefix: "RV" });

  await signInAs(page, "reviewer");
  await openForReview(page, election.title);
  await expectNoAxeViolations(page);
  // A comment is required to send an application back.
  await page.getByRole("button", { name: "Send back for changes" }).click();
  await expect(errorSummary(page)).toContainText("Comment for the mission: This field is required.");
  await page.getByLabel("Comment for the mission").fill("Please give the head of mission's name in Cyrillic as well.");
  await page.getByRole("button", { name: "Send back for changes" }).click();
  await expect(page.getByRole("status")).toHaveText("The application was sent back to the mission with your comment.");

  const coordinator = await (await browser.newContext()).newPage();
  await signInAs(coordinator, "coordinator");
  await coordinator.goto(`/en${path}`);
  await expect(coordinator.locator(".summary-list")).toContainText("Changes requested");
  await expect(coordinator.getByRole("region", { name: "The Commission's comments" })).toContainText("Please give the head of mission's name in Cyrillic as well.");
  await coordinator.goto(`/en${path}/observers`);
  await coordinator.getByRole("link", { name: nameOf(rows[0]!) }).click();
  await coordinator.getByLabel("Full name in Cyrillic (optional)").fill("Новак Пётр");
  await coordinator.getByRole("button", { name: "Save the observer" }).click();
  await expect(coordinator.getByRole("status")).toHaveText("The observer was saved.");
  await coordinator.goto(`/en${path}/check`);
  await coordinator.getByRole("button", { name: "Submit the application again" }).click();
  await expect(coordinator.getByRole("table", { name: "Submissions" }).getByRole("row")).toHaveCount(3);

  // Two accredited, one refused with a reason; only then can the application be approved.
  await openForReview(page, election.title);
  await expect(page.getByRole("button", { name: "Approve the application" })).toBeDisabled();
  await page.getByLabel(`Select ${nameOf(rows[0]!)}`).check();
  await page.getByLabel(`Select ${nameOf(rows[1]!)}`).check();
  await page.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("2 observers were accredited.");
  // Numbers follow the names' order: Müller before Nowak.
  await expect(page.getByRole("row").filter({ hasText: nameOf(rows[1]!) })).toContainText(`${election.code}-0001`);
  await expect(page.getByRole("row").filter({ hasText: nameOf(rows[0]!) })).toContainText(`${election.code}-0002`);

  await page.getByLabel(`Select ${nameOf(rows[2]!)}`).check();
  await page.getByRole("button", { name: "Refuse the selected" }).click();
  await expect(errorSummary(page)).toContainText("Reason: This field is required.");
  await page.getByLabel("Reason", { exact: true }).selectOption({ label: "Photo not suitable for a badge" });
  await page.getByLabel("Explanation for the mission").fill("The face is hidden by sunglasses.");
  const refusedAt = new Date();
  await page.getByRole("button", { name: "Refuse the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("1 observer was refused.");
  // Ticking the whole page to accredit again saves nothing and names the observers already decided.
  await page.getByLabel("Select every observer on this page").check();
  await page.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(errorSummary(page)).toContainText("Nothing was saved: these 3 observers cannot take this decision in their present status:");
  for (const row of rows) await expect(errorSummary(page)).toContainText(nameOf(row));
  await page.getByRole("button", { name: "Approve the application" }).click();
  await expect(page.getByRole("status")).toHaveText("The application was approved.");
  await expectNoAxeViolations(page);

  // The coordinator sees each decision, with the reason, and gets the email in their language.
  await coordinator.goto(`/en${path}/observers`);
  await expect(coordinator.getByRole("row").filter({ hasText: nameOf(rows[2]!) })).toContainText("Reason: Photo not suitable for a badge: The face is hidden by sunglasses.");
  await expect(coordinator.getByRole("row").filter({ hasText: nameOf(rows[1]!) })).toContainText("Accredited");
  // The accreditation numbers show in the list and on each accredited observer's read-only page.
  await expect(coordinator.getByRole("row").filter({ hasText: nameOf(rows[1]!) })).toContainText(`Accreditation number: ${election.code}-0001`);
  await expect(coordinator.getByRole("row").filter({ hasText: nameOf(rows[2]!) })).not.toContainText("Accreditation number");
  await coordinator.getByRole("link", { name: nameOf(rows[0]!), exact: true }).click();
  await expect(coordinator.getByText(`Accreditation number: ${election.code}-0002`)).toBeVisible();
  await expect(coordinator.getByText("Full name in Cyrillic", { exact: true })).toBeVisible();
  await expect(coordinator.getByText("Full name in Cyrillic (optional)")).toHaveCount(0);
  await coordinator.goto(`/en${path}/observers`);
  const refusal = await waitForEmail(demoAccounts.coordinator.email, { subjectIncludes: "Observers refused", since: refusedAt });
  expect(refusal.text).toContain("The face is hidden by sunglasses.");

  // After approval: a new observer goes to the commission as an amendment, with a photo; an accredited one can be withdrawn.
  await coordinator.getByRole("link", { name: "Add an observer" }).click();
  await coordinator.getByLabel("Surname").fill("Kowalski");
  await coordinator.getByLabel("Given names").fill("Jan");
  await coordinator.getByLabel("Sex").selectOption({ label: "Male" });
  await coordinator.getByLabel("Date of birth").fill("1979-05-05");
  await coordinator.getByLabel("Nationality").selectOption({ label: "Poland" });
  await coordinator.getByLabel("Passport number").fill("AMEND0001");
  await coordinator.getByLabel("Passport expiry date").fill("2035-01-01");
  await coordinator.getByLabel("Role in the mission").selectOption({ label: "Short-term observer" });
  await coordinator.getByLabel("Arrival", { exact: true }).fill(election.arrivalOn);
  await coordinator.getByLabel("Departure", { exact: true }).fill(election.departureOn);
  await coordinator.getByRole("button", { name: "Add the observer" }).click();
  await expect(errorSummary(coordinator)).toContainText("Photo:");
  await coordinator.getByLabel("Photo", { exact: true }).setInputFiles({ name: "jan.jpg", mimeType: "image/jpeg", buffer: await portraitJpeg() });
  await coordinator.getByRole("button", { name: "Add the observer" }).click();
  await expect(coordinator.getByRole("row").filter({ hasText: "Kowalski, Jan" })).toContainText("(added after approval)");
  await coordinator.getByRole("row").filter({ hasText: nameOf(rows[1]!) }).getByRole("button", { name: /^Withdraw/ }).click();
  await coordinator.getByRole("dialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(coordinator.getByRole("status")).toHaveText("The observer was withdrawn.");
  // A withdrawn observer's number no longer stands: it is struck through beside the status.
  await expect(coordinator.getByRole("row").filter({ hasText: nameOf(rows[1]!) }).locator("del")).toHaveText(`Accreditation number: ${election.code}-0001`);

  // The amendment waits in the reviewers' queue.
  await page.goto("/en/commission/applications");
  await expect(page.getByRole("link", { name: `OSCE/ODIHR — ${election.title}` })).toBeVisible();
  await coordinator.context().close();
});

test("two reviewers decide the same observer at once: the second is told, and nothing is overwritten", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const election = await newOpenElection(browser);
  const { rows } = await submittedApplication(browser, election, { count: 1, prefix: "CC" });
  const admin = await (await browser.newContext()).newPage();
  await signInAs(page, "reviewer");
  await signInAs(admin, "admin");
  await openForReview(page, election.title);
  await openForReview(admin, election.title);

  await page.getByLabel(`Select ${nameOf(rows[0]!)}`).check();
  await page.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("1 observer was accredited.");

  await admin.getByLabel(`Select ${nameOf(rows[0]!)}`).check();
  await admin.getByLabel("Reason", { exact: true }).selectOption({ label: "Other reason" });
  await admin.getByLabel("Explanation for the mission").fill("Duplicate entry.");
  await admin.getByRole("button", { name: "Refuse the selected" }).click();
  await expect(errorSummary(admin)).toContainText("Someone changed this application while you were reading it.");
  // The page shows the decision that came first under the message, without a reload, and the box is no longer ticked.
  await expect(admin.getByRole("row").filter({ hasText: nameOf(rows[0]!) })).toContainText("Accredited");
  await expect(admin.getByLabel(`Select ${nameOf(rows[0]!)}`)).not.toBeChecked();
  await expect(errorSummary(admin)).toContainText("Someone changed this application while you were reading it.");
  await admin.context().close();
});

test("a reviewer accrediting an application a colleague has just sent back is told it changed, and sees it sent back", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const election = await newOpenElection(browser);
  const { rows } = await submittedApplication(browser, election, { count: 2, prefix: "CB" });
  const admin = await (await browser.newContext()).newPage();
  await signInAs(page, "reviewer");
  await signInAs(admin, "admin");
  await openForReview(page, election.title);
  await openForReview(admin, election.title);

  await page.getByLabel("Comment for the mission").fill("Please attach the signed letter.");
  await page.getByRole("button", { name: "Send back for changes" }).click();
  await expect(page.getByRole("status")).toHaveText("The application was sent back to the mission with your comment.");

  await admin.getByLabel("Select every observer on this page").check();
  await admin.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(errorSummary(admin)).toContainText("Someone changed this application while you were reading it.");
  await expect(admin.locator(".summary-list.panel")).toContainText("Changes requested");
  await expect(admin.getByRole("button", { name: "Accredit the selected" })).toHaveCount(0);
  for (const row of rows) await expect(admin.getByRole("row").filter({ hasText: nameOf(row) })).toContainText("Pending");
  await admin.context().close();
});

test("a reviewer accredits 200 observers in one go", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const election = await newOpenElection(browser);
  await submittedApplication(browser, election, { count: 200, prefix: "BK" });
  await signInAs(page, "reviewer");
  await openForReview(page, election.title);
  await expect(page.getByText("Showing 200 of 200.")).toBeVisible();
  await page.getByLabel("Select every observer on this page").check();
  await page.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(page.getByRole("status")).toHaveText("200 observers were accredited.");
  await expect(page.getByRole("row").filter({ hasText: `${election.code}-0200` })).toHaveCount(1);
  await page.getByRole("button", { name: "Approve the application" }).click();
  await expect(page.getByRole("status")).toHaveText("The application was approved.");

  // The workspace's dashboard counts them under their election.
  await page.goto("/en/commission");
  await expect(page.getByRole("table", { name: "Accredited observers by election" }).getByRole("row").filter({ hasText: election.title })).toContainText("200");
  await expectNoAxeViolations(page);
});

test("the commission's pages speak Turkmen, Russian and English, messages included", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const election = await newOpenElection(browser);
  await submittedApplication(browser, election, { count: 1, prefix: "LN" });
  await signInAs(page, "reviewer");
  for (const [locale, messages] of Object.entries(catalogs)) {
    const { review, validation } = messages;
    await page.goto(`/${locale}/commission/applications`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(review.queueTitle);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: new RegExp(`^OSCE/ODIHR — .*${election.code}`) }).click();
    await expect(page.getByRole("heading", { name: review.decisionHeading })).toBeVisible();
    await page.getByRole("button", { name: review.requestChanges }).click();
    await expect(errorSummary(page).getByRole("link")).toHaveText([`${review.comment}: ${validation.required}`]);
    await expectNoAxeViolations(page);
  }
});

test("the intake checks' warnings meant for staff show on the reviewer's page", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const election = await newOpenElection(browser);
  const { rows } = await submittedApplication(browser, election, {
    count: 2,
    prefix: "WR",
    edit: (list) => {
      // Valid on departure, but not for six months after arrival.
      list[0]!.passportExpiresOn = election.observationEndsOn;
      list[1]!.nationality = "TM";
    },
  });
  await signInAs(page, "reviewer");
  await openForReview(page, election.title);
  await expect(page.getByRole("row").filter({ hasText: nameOf(rows[0]!) })).toContainText(
    "Warning: The passport expires less than six months after arrival.",
  );
  await expect(page.getByRole("row").filter({ hasText: nameOf(rows[1]!) })).toContainText(
    "Warning: A citizen of the host country: check whether they may be accredited as an international observer.",
  );
});

test("a reviewer finds an application by an observer's passport number, which never appears in the address", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const election = await newOpenElection(browser);
  const { rows } = await submittedApplication(browser, election, { count: 2, prefix: "PS" });
  await signInAs(page, "reviewer");
  await page.goto("/en/commission/applications");
  const passport = rows[1]!.passportNumber;
  await page.getByLabel("Search").fill(`${passport.slice(0, 3).toLowerCase()} ${passport.slice(3)}`);
  await page.getByLabel("Election").selectOption({ label: election.title });
  await page.getByRole("button", { name: "Show" }).click();
  // The address holds the search only sealed (the router updates it just after the new page shows).
  await expect(page).toHaveURL(/[?&]s=v1\./);
  await expect(page.getByRole("table", { name: "Applications: 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: `OSCE/ODIHR — ${election.title}` })).toBeVisible();
  expect(page.url()).not.toContain(passport);
  expect(page.url().toLowerCase()).not.toContain(passport.slice(3).toLowerCase());

  // Reloading the address searches again.
  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue(`${passport.slice(0, 3).toLowerCase()} ${passport.slice(3)}`);
  await expect(page.getByRole("table", { name: "Applications: 1" })).toBeVisible();
  await page.goto("/en/commission/applications");
  await page.getByLabel("Search").fill("no such passport 000");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No applications match.")).toBeVisible();
});

test("the commission dashboard's figures agree with their numbers in Russian", async ({ page }) => {
  await signInAs(page, "reviewer");
  await page.goto("/ru/commission");
  const figures = page.locator(".figures li");
  await expect(figures).toHaveCount(3);
  // Whatever the other tests left waiting, each figure takes the form its number needs (the messages' own test counts 1, 4, 5, 21).
  const forms = [
    ["заявка ожидает решения", "заявки ожидают решения", "заявок ожидают решения"],
    ["заявка с истёкшим сроком решения", "заявки с истёкшим сроком решения", "заявок с истёкшим сроком решения"],
    ["наблюдатель ожидает решения", "наблюдателя ожидают решения", "наблюдателей ожидают решения"],
  ];
  for (const [index, [one, few, many]] of forms.entries()) {
    const text = (await figures.nth(index).textContent())!.replace(/\s+/g, " ").trim();
    const count = Number(/^\d+/.exec(text)?.[0]);
    const rule = new Intl.PluralRules("ru").select(count);
    expect(text).toBe(`${count} ${rule === "one" ? one : rule === "few" ? few : many}`);
  }
});

test("the queue asks the server for no page the reviewer has not opened", async ({ page }) => {
  await signInAs(page, "reviewer");
  const fetchedAhead: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) fetchedAhead.push(request.url());
  });
  await page.goto("/en/commission/applications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Applications to review");
  // Next would fetch the links in view, and a link hovered, within moments of the page hydrating.
  await page.waitForLoadState("networkidle");
  await page.mouse.wheel(0, 2000);
  await page.getByRole("link", { name: /^All \(/ }).hover();
  await page.waitForTimeout(2000);
  expect(fetchedAhead).toEqual([]);
});
