import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";

/**
 * The invitation Server Actions (invite, revoke, resend) posted directly, as a form without
 * JavaScript would post them, by a coordinator and by a reviewer: refused, and nothing changes.
 * The pages themselves are refused in invitations.spec.ts.
 */
const freshAddress = (label: string) => `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;

async function adminPage(browser: Browser, javaScriptEnabled = true) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signInAs(page, "admin");
  return page;
}

/** The fields a form posts, the reference to its Server Action included, as the page renders them. */
async function formFields(form: Locator) {
  await expect(form).toHaveCount(1);
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input, select").all()) {
    const name = await input.getAttribute("name");
    if (name) fields[name] = await input.inputValue();
  }
  return fields;
}

function postAs(page: Page, baseURL: string, path: string, fields: Record<string, string>) {
  return page.request.post(`/en${path}`, { multipart: fields, headers: { Origin: baseURL }, maxRedirects: 0 });
}

const rowOf = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

for (const role of ["coordinator", "reviewer"] as const) {
  test(`a ${role} posting the invitation actions directly is refused and nothing changes`, async ({ browser, page, baseURL }) => {
    const target = freshAddress(`target-${role}`);
    const admin = await adminPage(browser);
    await admin.goto("/en/commission/admin/invitations/new?role=reviewer");
    await admin.getByLabel("Email address").fill(target);
    await admin.getByRole("button", { name: "Send the invitation" }).click();
    await expect(admin.getByRole("status")).toHaveText(`The invitation to ${target} is on its way.`);
    await admin.context().close();

    // Without JavaScript the page carries each form's action reference in hidden fields.
    const plain = await adminPage(browser, false);
    await plain.goto("/en/commission/admin/invitations?status=pending");
    const revoke = await formFields(rowOf(plain, target).locator("form").filter({ has: plain.getByRole("button", { name: `Revoke ${target}` }) }));
    const resend = await formFields(rowOf(plain, target).locator("form").filter({ has: plain.getByRole("button", { name: `Send a new link ${target}` }) }));
    expect(Object.keys(revoke).some((name) => name.startsWith("$ACTION"))).toBe(true);
    await plain.goto("/en/commission/admin/invitations/new");
    const invite = await formFields(plain.locator("form.form"));
    const intruder = freshAddress(`intruder-${role}`);

    // The admin's own posts reach the actions: proof that these fields make a valid call.
    const noSuchInvitation = await postAs(plain, baseURL!, "/commission/admin/invitations", { ...revoke, id: "00000000-0000-4000-8000-000000000000" });
    expect([200, 303]).toContain(noSuchInvitation.status());
    expect(noSuchInvitation.headers()["location"] ?? (await noSuchInvitation.text())).toContain("notRevoked");
    const incomplete = await postAs(plain, baseURL!, "/commission/admin/invitations/new", { ...invite, email: "" });
    expect(incomplete.status()).toBe(200);
    expect(await incomplete.text()).toContain("There is a problem");

    await signInAs(page, role);
    for (const [path, fields] of [
      ["/commission/admin/invitations", revoke],
      ["/commission/admin/invitations", resend],
      ["/commission/admin/invitations/new", { ...invite, email: intruder, role: "admin", emailLocale: "en" }],
    ] as const) {
      const response = await postAs(page, baseURL!, path, fields);
      expect([403, 404], path).toContain(response.status());
      expect(response.headers()["location"] ?? "").not.toMatch(/notice=|sent=/);
      expect(await response.text()).not.toContain("is on its way");
    }

    await plain.goto("/en/commission/admin/invitations");
    await expect(rowOf(plain, target)).toHaveCount(1);
    await expect(rowOf(plain, target)).toContainText("Pending");
    await expect(rowOf(plain, intruder)).toHaveCount(0);
    await plain.context().close();
  });
}

test("the signed-out are sent to sign in from the invitation pages", async ({ page }) => {
  for (const path of ["/en/commission/admin/invitations", "/en/commission/admin/invitations/new"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
  }
});
