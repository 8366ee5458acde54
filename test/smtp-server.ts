import { createServer, type AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback for database tests of the outbox sender. Every message is
 * parsed and kept; `messagesFor(id)` counts deliveries of one outbox row by its Message-ID.
 * Recipients whose local part ends in "+down" are refused with 451 (try again later).
 */
export async function startTestSmtpServer() {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: the self-signed STARTTLS offer would only fail certificate checks.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.split("@")[0]!.endsWith("+down")) return callback();
      const refusal = Object.assign(new Error(`Mailbox ${address.address} is busy, try again later`), { responseCode: 451 });
      callback(refusal);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (message) => {
          messages.push(message);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    messagesFor: (emailId: string) => messages.filter((m) => m.messageId?.startsWith(`<${emailId}@`)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening: a mail server that is down. */
export async function unusedPort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
