import { expect, test, type Page, type Request } from "@playwright/test";
import { signInAs, type DemoRole } from "../fixtures";

const auditPage = "/en/commission/admin/audit";

for (const role of ["coordinator", "reviewer"] as const) {
  test(`a ${role} is refused the audit log, also when the URL is typed`, async ({ page }) => {
    await signInAs(page, role);
    const response = await page.goto(auditPage);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot open this page");
    await expect(page.getByRole("button", { name: "Verify chain" })).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
  });
}

test("the signed-out are sent to sign in first", async ({ page }) => {
  await page.goto(`${auditPage}?action=user.disabled`);
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
});

/** Replays a "Verify chain" call (the Server Action's id and arguments) under the page's session. */
const callVerifyAction = (page: Page, call: Request) =>
  page.request.post(auditPage, {
    headers: { "next-action": call.headers()["next-action"]!, "content-type": call.headers()["content-type"]!, accept: "text/x-component" },
    data: call.postData() ?? "[]",
  });

test("the verify-chain Server Action, called directly, answers an admin but refuses a coordinator and a reviewer", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInAs(adminPage, "admin");
  await adminPage.goto(auditPage);
  const captured = adminPage.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await adminPage.getByRole("button", { name: "Verify chain" }).click();
  const call = await captured;
  await expect(adminPage.getByRole("status").filter({ hasText: "The chain is intact" })).toBeVisible();
  // The replayed call is a valid one: the admin gets the verdict through it.
  const forAdmin = await callVerifyAction(adminPage, call);
  expect(forAdmin.status()).toBe(200);
  expect(await forAdmin.text()).toMatch(/"ok":true,"count":\d+/);
  await adminContext.close();

  for (const role of ["coordinator", "reviewer"] satisfies DemoRole[]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, role);
    const refused = await callVerifyAction(page, call);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain('"ok":');
    await context.close();
  }
});
