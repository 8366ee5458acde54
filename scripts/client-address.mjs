/**
 * Which address a request really came from. Next.js keeps an X-Forwarded-For header the client
 * sent and only fills it in when it is missing, so a client could name any address it liked and
 * escape the rate limits keyed by it. Only the hops appended by our own reverse proxies can be
 * believed: with `trustedProxies` of them in front, the client is that many entries from the end
 * of the chain ending with the socket's own peer.
 *
 * @param {string | undefined} forwardedFor the X-Forwarded-For header as received
 * @param {string | undefined} socketAddress the TCP peer's address
 * @param {number} trustedProxies how many reverse proxies of ours stand in front (0: none)
 * @returns {string | undefined}
 */
export function clientAddress(forwardedFor, socketAddress, trustedProxies) {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (socketAddress) chain.push(socketAddress);
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}

/** TRUSTED_PROXIES: a whole number from 0 to 10; anything else stops the server at start. */
export function trustedProxiesFrom(value) {
  if (value === undefined || value === "") return 0;
  if (!/^(10|[0-9])$/.test(value)) throw new Error(`TRUSTED_PROXIES must be a whole number from 0 to 10, not "${value}"`);
  return Number(value);
}
