import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

for (const role of ["coordinator", "reviewer"] as const) {
  test(`a ${role} is refused the invitation pages`, async ({ page }) => {
    await signInAs(page, role);
    for (const path of ["/en/commission/admin/invitations", "/en/commission/admin/invitations/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });
}

test("the invite Server Action, replayed by a coordinator or a reviewer, is refused and invites no one", async ({ browser }) => {
  const address = `replayed.${Date.now()}@e2e.example`;
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto("/en/commission/admin/invitations/new");
  await admin.getByLabel("Email address").fill(address);
  await admin.getByLabel("Role").selectOption({ label: "Administrator" });
  const captured = admin.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await admin.getByRole("button", { name: "Send the invitation" }).click();
  const call = await captured;
  await expect(admin.getByRole("status")).toContainText(address);

  for (const role of ["coordinator", "reviewer"] as const) {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, role);
    const refused = await page.request.post("/en/commission/admin/invitations/new", {
      headers: { "next-action": call.headers()["next-action"]!, "content-type": call.headers()["content-type"]!, accept: "text/x-component" },
      data: call.postDataBuffer() ?? undefined,
    });
    expect(refused.status(), role).toBe(403);
  }
  await admin.goto("/en/commission/admin/invitations");
  await expect(admin.getByRole("row").filter({ hasText: address })).toHaveCount(1);
});
