import { createHash, randomBytes } from "node:crypto";

/** A link token: 32 random bytes for the email, only its SHA-256 kept in the database. */
export function newLinkToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens in URLs are exactly 43 base64url characters; anything else is not worth a lookup. */
export function isWellFormedToken(token: string) {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Stands for a link token that a text (an email in the outbox) shows without it. */
export const WITHHELD_TOKEN = "…";
const LINK_TOKEN_IN_TEXT = /(?<=\/(?:reset-password|invitation|observer-invitation)\/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/**
 * The text without the tokens of its sign-in links (invitations, password resets): whoever holds
 * one can set the account's password, so an admin reading the outbox must not be able to.
 */
export function withholdLinkTokens(text: string) {
  return text.replace(LINK_TOKEN_IN_TEXT, WITHHELD_TOKEN);
}
