import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";

const todayInAshgabat = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ashgabat" }).format(new Date());

/** "N events" above the table, as a number. */
async function shownTotal(page: Page) {
  const line = await page.getByText(/^\d+ events?$/).textContent();
  return Number(line!.split(" ")[0]);
}

test("an admin filters the audit log, and the form and the address keep the filters", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit events" })).toBeVisible();
  await expectNoAxeViolations(page);

  const today = todayInAshgabat();
  await page.getByLabel("Actor's email address", { exact: true }).fill("admin@portal.example");
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Signed in" });
  await page.getByLabel("Entity type", { exact: true }).fill("user");
  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/[?&]action=auth\.signed_in(&|$)/);
  const params = new URL(page.url()).searchParams;
  expect(Object.fromEntries(params)).toMatchObject({ actor: "admin@portal.example", action: "auth.signed_in", entityType: "user", from: today, to: today });
  await expect(page.getByLabel("Actor's email address", { exact: true })).toHaveValue("admin@portal.example");
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("auth.signed_in");
  await expect(page.getByLabel("Entity type", { exact: true })).toHaveValue("user");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(today);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(today);

  // Every listed event is one of the admin's sign-ins; none at all reads as such.
  const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
  const total = await shownTotal(page);
  if (total === 0) {
    await expect(rows.filter({ hasText: "No events match these filters." })).toHaveCount(1);
  } else {
    const cells = page.locator('td[data-label="Action"]');
    await expect(cells).not.toHaveCount(0);
    for (const text of await cells.allTextContents()) expect(text).toBe("Signed in");
    for (const text of await page.locator('td[data-label="Actor"]').allTextContents()) expect(text).toContain("admin@portal.example");
  }

  // An address nobody has lists nothing, and clearing the filters empties the form.
  await page.getByLabel("Actor's email address", { exact: true }).fill("nobody@portal.example");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/actor=nobody%40portal\.example/);
  await expect(page.getByText("0 events", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "No events match these filters." })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/en\/commission\/admin\/audit$/);
  await expect(page.getByLabel("Actor's email address", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("");
});

test("wrong filters are named in an error summary, at their fields, and list nothing", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/audit");
  await page.getByLabel("Actor's email address", { exact: true }).fill("not-an-address");
  await page.getByLabel("Entity ID", { exact: true }).fill("abc-123");
  await page.getByLabel("From", { exact: true }).fill("2026-03-10");
  await page.getByLabel("To", { exact: true }).fill("2026-03-01");
  await page.getByRole("button", { name: "Apply filters" }).click();

  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Actor's email address: Enter an email address like name@example.org.",
    "Entity type: Enter the entity type as well as its ID.",
    "To: The end date must be the same as the start date or later.",
  ]);
  await expect(page).toHaveTitle(/^Error: Audit log/);
  await expect(page.getByLabel("Entity type", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Entity ID", { exact: true })).toHaveValue("abc-123");
  await expect(page.getByRole("table")).toHaveCount(0);
  await summary.getByRole("link", { name: "Enter the entity type as well as its ID." }).click();
  await expect(page.getByLabel("Entity type", { exact: true })).toBeFocused();
  await expectNoAxeViolations(page);

  // What the database cannot take (year 0, a NUL character) is named the same way, not an error page.
  expect((await page.goto("/en/commission/admin/audit?from=0000-01-01&entityType=user%00"))?.status()).toBe(200);
  await expect(errorSummary(page).getByRole("link")).toHaveText([/^Entity type: /, /^From: /]);
});

test("the chain verifies from the page and the count covers every event listed", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/en/commission/admin/audit");
  const total = await shownTotal(page);
  await page.getByRole("button", { name: "Verify chain" }).click();
  const verdict = page.getByRole("status").filter({ hasText: "The chain is" });
  await expect(verdict).toHaveText(/^The chain is intact: \d+ events?\.$/);
  const verified = Number(/\d+/.exec((await verdict.textContent())!)![0]);
  // Other tests may sign in meanwhile and add events; none may be missing from the verdict.
  expect(verified).toBeGreaterThanOrEqual(total);
  await expectNoAxeViolations(page);
});

test("the audit log speaks Turkmen and Russian", async ({ page }) => {
  await signInAs(page, "admin", "tk");
  await page.goto("/tk/commission/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit žurnaly" })).toBeVisible();
  await expect(page.getByLabel("Hereket", { exact: true }).locator("option", { hasText: "Hasap petiklendi" })).toHaveCount(1);
  await page.getByRole("button", { name: "Zynjyry barla" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zynjyr" })).toHaveText(/^Zynjyr bitewi: \d+ waka\.$/);

  await page.goto("/ru/commission/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Журнал аудита" })).toBeVisible();
  await page.getByRole("button", { name: "Проверить цепочку" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Цепочка" })).toHaveText(/^Цепочка не нарушена: \d+ событи(е|я|й)\.$/);
  await expectNoAxeViolations(page);
});
