import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

// Emails carry invitation and reset links: only admins (view:outbox) may read them.
const pages = ["/commission/admin/outbox", "/commission/admin/outbox?status=pending", `/commission/admin/outbox/${randomUUID()}`, "/commission/admin/outbox/not-an-id"];

for (const role of ["coordinator", "reviewer"] as const) {
  test(`a ${role} is refused the Outbox list and every email page`, async ({ page }) => {
    await signInAs(page, role);
    for (const path of pages) {
      const response = await page.goto(`/en${path}`);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot open this page");
      await expect(page.getByRole("table")).toHaveCount(0);
    }
  });
}

test("the signed-out are sent to sign in, and come back to the Outbox afterwards", async ({ page }) => {
  const id = randomUUID();
  await page.goto(`/en/commission/admin/outbox/${id}`);
  await expect(page).toHaveURL((url) => url.pathname === "/en/sign-in" && url.searchParams.get("next") === `/en/commission/admin/outbox/${id}`);
});
