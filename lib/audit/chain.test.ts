import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, hashEvent, type ChainedFields } from "./chain";

const event: ChainedFields = {
  seq: 7,
  occurredAt: new Date("2026-03-01T09:30:00.123Z"),
  actorId: "user-1",
  actorRole: "admin",
  action: "organization.updated",
  entityType: "organization",
  entityId: "org-1",
  ip: "203.0.113.9",
  details: { changed: ["website", "acronym"], before: { acronym: "OSCE", website: null } },
};

describe("canonical encoding", () => {
  it("does not depend on the order of keys, at any depth", () => {
    const a = { b: 1, a: { y: [1, { q: true, p: "x" }], x: null } };
    const b = { a: { x: null, y: [1, { p: "x", q: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":"x","q":true}]},"b":1}');
  });

  it("keeps the order of arrays and tells values apart", () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: "1" })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it("leaves out undefined values, as jsonb does", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});

describe("event hash", () => {
  it("is the same for the same event whatever the key order of its details", () => {
    const reordered = { ...event, details: { before: { website: null, acronym: "OSCE" }, changed: ["website", "acronym"] } };
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(hashEvent(GENESIS_HASH, event));
    expect(hashEvent(GENESIS_HASH, event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when any field or the previous hash changes", () => {
    const original = hashEvent(GENESIS_HASH, event);
    const variants: ChainedFields[] = [
      { ...event, seq: 8 },
      { ...event, occurredAt: new Date("2026-03-01T09:30:00.124Z") },
      { ...event, actorId: "user-2" },
      { ...event, actorRole: "reviewer" },
      { ...event, action: "organization.created" },
      { ...event, entityType: "election" },
      { ...event, entityId: null },
      { ...event, ip: null },
      { ...event, details: { ...event.details, changed: ["website"] } },
    ];
    for (const variant of variants) expect(hashEvent(GENESIS_HASH, variant)).not.toBe(original);
    expect(hashEvent("f".repeat(64), event)).not.toBe(original);
  });
});
