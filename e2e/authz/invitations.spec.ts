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
