import "server-only";
import type { Transaction } from "@/db";
import { emailOutbox } from "@/db/schema";
import type { EmailAttachment } from "@/db/schema/email";
import type { RenderedEmail } from "./render";
import { notifyEmailQueued } from "./wake";

/**
 * Queues an email inside the caller's transaction: it exists exactly when the change that
 * caused it commits. The sender (lib/email/sender.ts) delivers it later, with retries. Returns
 * the outbox id (logs may name it; the body holds tokens and is never logged).
 */
export async function enqueueEmail(
  tx: Transaction,
  email: { to: string; locale: "tk" | "ru" | "en"; template: string; content: RenderedEmail; attachments?: EmailAttachment[] },
) {
  const [queued] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to,
      locale: email.locale,
      template: email.template,
      subject: email.content.subject,
      textBody: email.content.text,
      htmlBody: email.content.html,
      attachments: email.attachments ?? [],
    })
    .returning({ id: emailOutbox.id });
  await notifyEmailQueued(tx);
  return queued!.id;
}
