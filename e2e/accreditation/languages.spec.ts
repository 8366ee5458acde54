import { expect, test } from "@playwright/test";
import en from "../../messages/en.json";
import ru from "../../messages/ru.json";
import tk from "../../messages/tk.json";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";
import { fillMissionDetails, newOpenElection, startApplication } from "./factories";

/** The same checks speak the coordinator's language, on the browser's side and on the server's. */

const catalogs = { tk, ru, en } as const;

test("one application, three languages: every message of the observer form and the server's date check are translated", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const election = await newOpenElection(browser);
  await signInAs(page, "coordinator");
  const path = await startApplication(page, election);
  await fillMissionDetails(page, election);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/letter$/);

  for (const [locale, messages] of Object.entries(catalogs)) {
    const { observers, validation, applications } = messages;
    // The browser's check: every required field named in the summary, in this language.
    await page.goto(`/${locale}${path}/observers/new`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await page.getByRole("button", { name: observers.addButton }).click();
    const summary = errorSummary(page);
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("heading")).toHaveText(messages.errors.summaryTitle);
    await expect(summary.getByRole("link").first()).toHaveText(`${observers.fields.surname}: ${validation.required}`);
    await expect(page.locator("#passportNumber-error")).toHaveText(validation.required);
    await expect(page).toHaveTitle(new RegExp(`^${messages.errors.titlePrefix} `));

    // A Cyrillic surname where the passport's Latin one belongs.
    await page.getByLabel(observers.fields.surname).fill("Иванов");
    await page.getByRole("button", { name: observers.addButton }).click();
    await expect(page.locator("#surname-error")).toHaveText(validation.latinOnly);
    await expectNoAxeViolations(page);

    // The server's check against the election's dates.
    await page.goto(`/${locale}${path}/mission`);
    await page.getByLabel(applications.fields.plannedDepartureOn).fill(election.electionDay.replace(/^(\d{4})/, (y) => String(Number(y) + 1)));
    await page.getByRole("button", { name: applications.saveAndContinue }).click();
    await expect(summary.getByRole("link")).toHaveText([`${applications.fields.plannedDepartureOn}: ${validation.departureOutsideObservation}`]);
  }
});
