type Value = string | number | boolean | Date | null;

/**
 * What an edit changed, field by field, for an audit event's details: `{ title: { from, to } }`.
 * Callers pass only fields that may be shown in the audit log (never secrets).
 */
export function changedFields<T extends Record<string, Value>>(before: T, after: T) {
  const changes: Record<string, { from: Value; to: Value }> = {};
  for (const key of Object.keys(after)) {
    const from = normalize(before[key] ?? null);
    const to = normalize(after[key] ?? null);
    if (from !== to) changes[key] = { from, to };
  }
  return changes;
}

function normalize(value: Value): Exclude<Value, Date> {
  return value instanceof Date ? value.toISOString() : value;
}

/** A new record's fields for an audit event's details, instants as ISO strings. */
export function recordedFields(record: Record<string, Value>) {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, normalize(value)]));
}

/**
 * The names of the fields an edit changed, for records whose values stay out of the audit log
 * (personal data such as passports and phone numbers). Lists compare by their items.
 */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after).filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}
