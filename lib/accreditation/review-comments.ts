/**
 * A request for changes that names observers is stored as one comment per observer (each
 * observer's page lists its own). Readers of the whole application see such a request once,
 * naming every observer it concerns; a comment naming none is on the whole application.
 */
export function groupComments<C extends { at: Date; body: string }, O>(comments: C[], observerOf: (comment: C) => O | null): (C & { observers: O[] })[] {
  const groups = new Map<string, C & { observers: O[] }>();
  for (const comment of comments) {
    const key = `${comment.at.getTime()}\u0000${comment.body}`;
    const group = groups.get(key) ?? { ...comment, observers: [] };
    groups.set(key, group);
    const observer = observerOf(comment);
    if (observer !== null) group.observers.push(observer);
  }
  return [...groups.values()];
}
