import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import nodemailer from "nodemailer";
import { acceptMailFor, emailsTo, mailSinkPort, refusalsFor, waitForEmail } from "../mail-sink";

// The sink that other specs read invitation and reset emails from: checked here on its own, so a
// failing feature spec never has to wonder whether the sink works.
const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port: mailSinkPort(), secure: false, ignoreTLS: true });
const unique = () => randomBytes(4).toString("hex");

test("the mail sink keeps what it receives for waitForEmail, with the links of both versions", async () => {
  const to = `sink-${unique()}@e2e.example`;
  await transport().sendMail({
    from: "Observer Portal <portal@e2e.example>",
    to,
    subject: "Invitation to the portal",
    text: "Open https://portal.example/en/invitation/abc?x=1&y=2 to accept.",
    html: '<p><a href="https://portal.example/en/invitation/abc?x=1&amp;y=2">Accept</a></p>',
  });

  const email = await waitForEmail(to.toUpperCase(), { subjectIncludes: "INVITATION", timeoutMs: 5_000 });
  expect(email).toMatchObject({ to: [to], from: "portal@e2e.example", subject: "Invitation to the portal" });
  expect(email.links).toEqual(["https://portal.example/en/invitation/abc?x=1&y=2"]);
  await expect(waitForEmail(to, { subjectIncludes: "password", timeoutMs: 500 })).rejects.toThrow(/No email to .* "password"/);
});

test("a +down recipient is refused with 451 until the spec lets mail through", async () => {
  const to = `sink-${unique()}+down@e2e.example`;
  const send = () => transport().sendMail({ from: "portal@e2e.example", to, subject: "Reset your password", text: "Hello" });

  await expect(send()).rejects.toMatchObject({ responseCode: 451 });
  expect(refusalsFor(to)).toBe(1);
  expect(emailsTo(to)).toEqual([]);

  acceptMailFor(to);
  const since = new Date();
  await send();
  expect((await waitForEmail(to, { since, timeoutMs: 5_000 })).subject).toBe("Reset your password");
  expect(refusalsFor(to)).toBe(1);
});
