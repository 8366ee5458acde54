import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (19 MiB, 2 passes), per OWASP's recommendation. */
export function hashPassword(password: string) {
  return hash(password);
}

// Verifying against a real hash when the email is unknown keeps sign-in timing the same.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string) {
  dummyHash ??= hash("no account has this password");
  try {
    const matches = await verify(passwordHash ?? (await dummyHash), password);
    // An account without a password (not yet set) never matches, whatever was typed.
    return passwordHash !== null && matches;
  } catch {
    return false;
  }
}
