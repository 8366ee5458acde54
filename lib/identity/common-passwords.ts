import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// About 49,000 of the most common passwords from public breach corpora (the zxcvbn-ts list).
let common: Set<string> | undefined;

export function isCommonPassword(password: string) {
  common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
