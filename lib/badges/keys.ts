import "server-only";
import { dataFolderSecret } from "@/lib/identity/data-folder-secret";
import { getEnv } from "@/lib/env";
import { parseRetiredKeys, parseSigningKey, publicKeySet, signingKeyFromSeed, type BadgeKeySet, type SigningKey } from "./key-material";

/**
 * The badge keys of this process. Production passes BADGE_SIGNING_KEY (and the retired public
 * keys in BADGE_RETIRED_KEYS), shared by every process; the embedded default makes a key on first
 * use and keeps its seed in the data folder (mode 600). Read once: the environment and the file do
 * not change while the process runs.
 */
type BadgeKeys = { current: SigningKey; keySet: BadgeKeySet };
let cached: BadgeKeys | undefined;

export function getBadgeKeys(): BadgeKeys {
  if (cached) return cached;
  const env = getEnv();
  const current = env.BADGE_SIGNING_KEY
    ? parseSigningKey(env.BADGE_SIGNING_KEY, env.BADGE_SIGNING_KEY_ID)
    : signingKeyFromSeed(Buffer.from(dataFolderSecret("badge-signing-key", 32), "base64"), env.BADGE_SIGNING_KEY_ID);
  const retired = env.BADGE_RETIRED_KEYS ? parseRetiredKeys(env.BADGE_RETIRED_KEYS) : [];
  cached = { current, keySet: publicKeySet(current, retired) };
  return cached;
}
