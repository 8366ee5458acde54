import { expect, type Browser, type Page } from "@playwright/test";
import { waitForEmail } from "../mail-sink";
import { signInAs } from "../fixtures";

export const strongPassword = "teal kettle under Merv 7";

export function freshAddress(label: string) {
  return `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;
}

/** The admin sends an invitation through the form; returns the link from the delivered email. */
export async function invite(admin: Page, invitee: { email: string; role: "Mission coordinator" | "Reviewer" | "Administrator"; organization?: string; language?: string }) {
  const sentAt = new Date();
  await signInAs(admin, "admin");
  await admin.goto("/en/commission/admin/invitations/new");
  await admin.getByLabel("Email address").fill(invitee.email);
  await admin.getByLabel("Role").selectOption({ label: invitee.role });
  if (invitee.organization) await admin.getByLabel("Organization").selectOption({ label: invitee.organization });
  await admin.getByLabel("Language of the email").selectOption({ label: invitee.language ?? "English" });
  await admin.getByRole("button", { name: "Send the invitation" }).click();
  await expect(admin.getByRole("status")).toHaveText(`The invitation to ${invitee.email} is on its way.`);
  const email = await waitForEmail(invitee.email, { since: sentAt });
  const link = email.links.find((l) => l.includes("/invitation/"));
  expect(link).toBeTruthy();
  return { email, link: link! };
}

/** A new coordinator account of the OSCE/ODIHR, made the way a real one is: invited and accepted. */
export async function newCoordinator(browser: Browser) {
  const address = freshAddress("coordinator");
  const adminContext = await browser.newContext();
  const { link } = await invite(await adminContext.newPage(), { email: address, role: "Mission coordinator", organization: "OSCE Office for Democratic Institutions and Human Rights" });
  await adminContext.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your full name").fill("Marta Nowak");
  await page.getByLabel("New password", { exact: true }).fill(strongPassword);
  await page.getByLabel("Repeat the new password").fill(strongPassword);
  await page.getByLabel("Language of the portal and of your emails").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/en\/portal$/);
  await context.close();
  return address;
}
