import "server-only";
import { getEnv } from "@/lib/env";
import { dataFolderSecret } from "./data-folder-secret";

/**
 * The key that signs session cookies. Production passes AUTH_SECRET (shared by every process);
 * the embedded default makes one on first start and keeps it in the data folder.
 */
export function getAuthSecret(): string {
  return getEnv().AUTH_SECRET ?? dataFolderSecret("auth-secret", 48);
}
