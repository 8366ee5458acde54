import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

test("a coordinator is refused the commission workspace, also when the URL is typed", async ({ page }) => {
  await signInAs(page, "coordinator");
  await expect(page.getByRole("link", { name: "Commission workspace" })).toHaveCount(0);
  const response = await page.goto("/en/commission");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot open this page");
  await expect(page.getByText("Commission workspace", { exact: true })).toHaveCount(0);
});

test("a reviewer is refused the coordinator workspace", async ({ page }) => {
  await signInAs(page, "reviewer", "ru");
  const response = await page.goto("/ru/portal");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("У вас нет доступа к этой странице");
});

test("an admin is refused the coordinator workspace", async ({ page }) => {
  await signInAs(page, "admin", "tk");
  const response = await page.goto("/tk/portal");
  expect(response?.status()).toBe(403);
});

test("a forged session cookie is not a session", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "authjs.session-token", value: "forged.token.value", url: baseURL! }]);
  await page.goto("/en/commission");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
});
