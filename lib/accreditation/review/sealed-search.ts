import "server-only";
import { openSecret, sealSecret } from "@/lib/identity/secret-box";

const PURPOSE = "queue-search";

/** The queue's search term as it goes into the address: sealed, so a passport number never shows there or in logs. */
export const sealQueueSearch = (term: string) => sealSecret(term, PURPOSE);

/** The term sealed by sealQueueSearch; anything else (tampered, an old key, a value sealed for another use) is no search. */
export function openQueueSearch(sealed: string) {
  if (!sealed) return "";
  try {
    return openSecret(sealed, PURPOSE).slice(0, 100);
  } catch {
    return "";
  }
}
