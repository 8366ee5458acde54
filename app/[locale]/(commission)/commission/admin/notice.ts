/** The confirmation a list shows after a save redirected to it (?notice=created|updated). */
export function noticeOf(unverified: Record<string, string | string[] | undefined>): "created" | "updated" | null {
  const value = unverified.notice;
  return value === "created" || value === "updated" ? value : null;
}
