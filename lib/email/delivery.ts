/**
 * The outbox's delivery rules, pure so they are tested without a mail server: how long to wait
 * before the next try, when to give up, and what of an SMTP error may be kept.
 */

/** After this many failed attempts an email is `failed` and no sender tries it again. */
export const MAX_DELIVERY_ATTEMPTS = 10;

/** No retry waits longer than this, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * The wait after the `attempt`-th failure: base, 2×base, 4×base…, spread by up to ±20 % so that
 * emails that failed together (the server was down) do not all retry in the same second, and
 * capped at an hour.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random) {
  const exponential = baseMs * 2 ** Math.max(0, attempt - 1);
  const jitter = 0.8 + 0.4 * random();
  return Math.round(Math.min(exponential * jitter, MAX_RETRY_DELAY_MS));
}

export type FailureOutcome =
  | { status: "pending"; attempts: number; retryInMs: number }
  | { status: "failed"; attempts: number };

/** What a failed attempt leaves: another try later, or `failed` once the attempts are spent. */
export function afterFailedAttempt(previousAttempts: number, baseMs: number, random?: () => number): FailureOutcome {
  const attempts = previousAttempts + 1;
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { status: "failed", attempts };
  return { status: "pending", attempts, retryInMs: retryDelayMs(attempts, baseMs, random) };
}

const MAX_ERROR_LENGTH = 300;

/**
 * An SMTP or network error as one short line for the outbox row and the log. Mail servers echo
 * commands and addresses but never the message body; credentials can only appear inside a URL,
 * so any `user:password@` is cut out.
 */
export function summarizeDeliveryError(error: unknown) {
  const raw = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const firstLine = raw.split(/\r?\n/)[0]!.replace(/\/\/[^/@\s]*@/g, "//");
  const line = code && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}

/** The part of an address after the @: enough to follow deliveries in a log, not to identify a person. */
export function recipientDomain(address: string) {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}

/** For logs, which name no person: addresses in an SMTP reply are replaced by their domain. */
export function withoutAddresses(text: string) {
  return text.replace(/[^\s<>"'(),;:]+@([^\s<>"'(),;:]+)/g, "…@$1");
}
