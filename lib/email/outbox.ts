import "server-only";
import type { Transaction } from "@/db";
import { emailOutbox } from "@/db/schema";
import type { RenderedEmail } from "./render";

/**
 * Queues an email inside the caller's transaction: it exists exactly when the change that
 * caused it commits. The sender (lib/email/sender.ts) delivers it later, with retries.
 */
export async function enqueueEmail(
  tx: Transaction,
  email: { to: string; locale: "tk" | "ru" | "en"; template: string; content: RenderedEmail },
) {
  await tx.insert(emailOutbox).values({
    toAddress: email.to,
    locale: email.locale,
    template: email.template,
    subject: email.content.subject,
    textBody: email.content.text,
    htmlBody: email.content.html,
  });
}
