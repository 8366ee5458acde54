/** Where a badge's window stands; pure and dependency-free, shared by the server and the offline check on the phone. */
export type WindowStatus = "valid" | "expired" | "notYetValid";

/** Where `now` falls in the badge's window, nbf and exp in seconds (the clock is injected: tests pick any moment). */
export function windowStatus(claims: { nbf: number; exp: number }, now: Date): WindowStatus {
  const seconds = now.getTime() / 1000;
  if (seconds < claims.nbf) return "notYetValid";
  if (seconds >= claims.exp) return "expired";
  return "valid";
}
