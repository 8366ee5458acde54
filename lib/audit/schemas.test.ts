import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms";
import { auditFilterInput, auditFiltersSchema } from "./schemas";

const parse = (params: Record<string, string | string[] | undefined>) => auditFiltersSchema.safeParse(auditFilterInput(params));

describe("audit log filters", () => {
  it("treat empty and missing fields as no filter", () => {
    const result = parse({ actor: "", action: " ", page: "2" });
    expect(result.success && result.data).toEqual({});
  });

  it("read every filter, trimmed, taking the first of repeated parameters", () => {
    const result = parse({
      actor: " Admin@Portal.example ",
      action: "user.disabled",
      entityType: ["user", "election"],
      entityId: " abc ",
      from: "2026-03-01",
      to: "2026-03-01",
    });
    expect(result.success && result.data).toEqual({
      actor: "Admin@Portal.example",
      action: "user.disabled",
      entityType: "user",
      entityId: "abc",
      from: "2026-03-01",
      to: "2026-03-01",
    });
  });

  it("name each bad field with a translatable message key", () => {
    const result = parse({ actor: "not an address", action: "user.deleted", from: "2026-02-30", to: "yesterday" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ actor: "email", action: "invalid", from: "invalid", to: "invalid" });
  });

  it("ask for the entity type when an entity ID is given, and for dates in order", () => {
    const result = parse({ entityId: "abc", from: "2026-03-02", to: "2026-03-01" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ entityType: "entityTypeWithId", to: "endBeforeStart" });
  });

  it("refuse what the database cannot take: a NUL character, year 0", () => {
    const result = parse({ entityType: "user\u0000", entityId: "a\u0000b", from: "0000-01-01", to: "0000-12-31" });
    expect(fieldErrorsOf(result.error!)).toEqual({ entityType: "invalid", entityId: "invalid", from: "invalid", to: "invalid" });
  });

  it("refuse overlong values", () => {
    const result = parse({ entityType: "x".repeat(101), entityId: "y".repeat(201) });
    expect(fieldErrorsOf(result.error!)).toEqual({ entityType: "tooLong", entityId: "tooLong" });
  });
});
