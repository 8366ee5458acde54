import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

/**
 * The exports of accredited observers are the commission's: a coordinator is refused the page and
 * the file route (whatever the query, so a refusal tells nothing about it), the signed-out get 401.
 */

const someElection = "00000000-0000-4000-8000-000000000000";
const routes = [
  `/api/exports/accredited?election=${someElection}&format=xlsx&locale=en`,
  `/api/exports/accredited?election=${someElection}&format=csv&locale=en`,
  "/api/exports/accredited?format=pdf",
];

test("a coordinator is refused the export page, also when the URL is typed, and is offered no link to it", async ({ page }) => {
  await signInAs(page, "coordinator");
  await expect(page.getByRole("link", { name: /accredited observers/i })).toHaveCount(0);
  const response = await page.goto(`/en/commission/exports?election=${someElection}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot open this page");
  await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);
});

test("a coordinator gets 403 from the file route, with nothing in the body", async ({ page }) => {
  await signInAs(page, "coordinator");
  for (const url of routes) {
    const refused = await page.request.get(url);
    expect(refused.status(), url).toBe(403);
    expect(refused.headers()["content-disposition"], url).toBeUndefined();
    expect(await refused.text(), url).toBe("");
  }
});

test("the signed-out get 401 from the file route and are sent to sign in from the page", async ({ page, request }) => {
  for (const url of routes) {
    const refused = await request.get(url);
    expect(refused.status(), url).toBe(401);
    expect(await refused.text(), url).toBe("");
  }
  await page.goto("/en/commission/exports");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fcommission%2Fexports/);
});
