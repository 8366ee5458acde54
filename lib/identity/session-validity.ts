/**
 * A session cookie is honoured only while its user exists, is not disabled, and still has the
 * session version the cookie was issued with (bumping it signs the user out everywhere).
 */
export function isSessionCurrent(
  issuedVersion: unknown,
  user: { disabledAt: Date | null; sessionVersion: number } | null,
): user is { disabledAt: null; sessionVersion: number } {
  return user !== null && user.disabledAt === null && user.sessionVersion === issuedVersion;
}
