import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";

/**
 * Every administration page added for organizations, elections and accounts, and their Server
 * Actions posted as a form would post them, refused to a coordinator and to a reviewer.
 */
const ids = { organization: "", election: "" };

async function adminPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signInAs(page, "admin");
  return page;
}

test.beforeAll(async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/en/commission/admin/organizations?q=OTS");
  ids.organization = /organizations\/([0-9a-f-]{36})\/edit/.exec((await page.getByRole("link", { name: "Edit OTS" }).getAttribute("href"))!)![1]!;
  // Looked up by its code: the elections other tests add may push it off the list's first page.
  await page.goto("/en/commission/admin/elections?q=MEJ-2023");
  ids.election = /elections\/([0-9a-f-]{36})\/edit/.exec((await page.getByRole("link", { name: "Edit MEJ-2023" }).getAttribute("href"))!)![1]!;
  await page.context().close();
});

const adminUrls = () => [
  "/commission/admin/organizations",
  "/commission/admin/organizations/new",
  `/commission/admin/organizations/${ids.organization}/edit`,
  "/commission/admin/elections",
  "/commission/admin/elections/new",
  `/commission/admin/elections/${ids.election}/edit`,
  "/commission/admin/staff",
  "/commission/admin/coordinators",
];

for (const role of ["coordinator", "reviewer"] as const) {
  test(`a ${role} is refused every organization, election and account page`, async ({ page }) => {
    await signInAs(page, role);
    for (const url of adminUrls()) {
      const response = await page.goto(`/en${url}`);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { level: 1 }), url).toHaveText("You cannot open this page");
    }
    // The refusal is the same in other languages, with nothing of the page shown.
    const response = await page.goto(`/tk/commission/admin/organizations/${ids.organization}/edit`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bu sahypa siziň üçin ýapyk");
    await expect(page.getByText("OTS")).toHaveCount(0);
  });
}

test("the signed-out are sent to sign in, and come back after it", async ({ page }) => {
  await page.goto(`/en/commission/admin/elections/${ids.election}/edit`);
  await expect(page).toHaveURL(new RegExp(`/en/sign-in\\?next=%2Fen%2Fcommission%2Fadmin%2Felections%2F${ids.election}%2Fedit$`));
});

/** The fields a form would post (with the reference to its Server Action), as the admin's page renders them without JavaScript. */
async function formFields(page: Page, form: ReturnType<Page["locator"]>) {
  await expect(form).toHaveCount(1);
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[type=hidden], input:not([type]), input[type=text], input[type=url], input[type=date], select").all()) {
    const name = await input.getAttribute("name");
    if (name) fields[name] = (await input.inputValue()) ?? "";
  }
  return fields;
}

/**
 * Posts a form's fields with a signed-in user's cookies, as a browser without JavaScript would.
 * Next runs such a post as the Server Action the fields name; a refused one (forbidden()) comes
 * back as Next's error page rather than the page with the action's result.
 */
function postAs(page: Page, baseURL: string, path: string, fields: Record<string, string>) {
  return page.request.post(`/en${path}`, { multipart: fields, headers: { Origin: baseURL }, maxRedirects: 0 });
}

for (const role of ["coordinator", "reviewer"] as const) {
  test(`a ${role} posting the admin's Server Actions directly is refused and nothing changes`, async ({ browser, page, baseURL }) => {
    const admin = await adminPage(browser, false);
    await admin.goto("/en/commission/admin/coordinators?q=coordinator.cis");
    const disable = await formFields(admin, admin.locator("form").filter({ has: admin.locator('input[name=operation][value="disable"]') }));
    expect(Object.keys(disable).some((name) => name.startsWith("$ACTION"))).toBe(true);
    await admin.goto("/en/commission/admin/organizations/new");
    const create = await formFields(admin, admin.locator("form.form"));
    const acronym = `INTRUDER-${role}`;
    const organization = { nameTk: "Basybalyk", nameRu: "Самозванец", nameEn: "Intruder", acronym, kind: "international_ngo", seatCountry: "DE", website: "" };

    // The same posts by the admin reach the actions: proof that the fields make a valid call.
    const harmless = await postAs(admin, baseURL!, "/commission/admin/coordinators", { ...disable, operation: "enable" });
    expect(harmless.status()).toBe(200);
    expect(await harmless.text()).toContain("Nothing to change: the account of Ivan Petrov was already so.");
    const invalid = await postAs(admin, baseURL!, "/commission/admin/organizations/new", { ...create, ...organization, acronym: "" });
    expect(invalid.status()).toBe(200);
    expect(await invalid.text()).toContain("There is a problem");

    await signInAs(page, role);
    for (const [path, fields] of [
      ["/commission/admin/coordinators", disable],
      ["/commission/admin/organizations/new", { ...create, ...organization }],
    ] as const) {
      const response = await postAs(page, baseURL!, path, fields);
      expect([403, 404], path).toContain(response.status());
      const body = await response.text();
      expect(body).not.toContain("was disabled");
      expect(body).not.toContain("There is a problem");
    }

    await admin.goto("/en/commission/admin/coordinators?q=coordinator.cis");
    await expect(admin.getByRole("row").filter({ hasText: "coordinator.cis@portal.example" })).toContainText("Active");
    await admin.goto(`/en/commission/admin/organizations?q=${acronym}`);
    await expect(admin.getByText("No organizations found.")).toBeVisible();
    await admin.context().close();
  });
}
