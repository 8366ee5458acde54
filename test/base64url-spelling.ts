const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * The token with its signature's last character changed only in the bits a decoder ignores (an
 * Ed25519 signature, 64 bytes, ends in a character carrying 2 bits and 4 unused ones): the very
 * same bytes, spelled otherwise ("…w" becomes "…x").
 */
export function withUnusedBitSet(token: string) {
  const last = alphabet.indexOf(token.at(-1)!);
  return token.slice(0, -1) + alphabet[last + 1];
}
