import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms";
import { closedDaySchema, officialSchema, roomSchema } from "./resource-schemas";

const official = { nameTk: "Aýna", nameRu: "Айна", nameEn: "Ayna", positionTk: "Başlyk", positionRu: "Председатель", positionEn: "Chair", active: "on" };

describe("meeting resources' names and reasons", () => {
  // Found by the fuzzer: PostgreSQL text cannot hold NUL, so saving an official with one failed with a 500.
  it("refuse NUL as invalid instead of failing to store it", () => {
    const refused = officialSchema.safeParse({ ...official, nameEn: "Ay\u0000na" });
    expect(refused.success).toBe(false);
    expect(fieldErrorsOf(refused.error!)).toEqual({ nameEn: "invalid" });
    expect(fieldErrorsOf(roomSchema.safeParse({ nameTk: "A", nameRu: "B", nameEn: "\u0000", capacity: "5", active: "on" }).error!)).toEqual({ nameEn: "invalid" });
    expect(fieldErrorsOf(closedDaySchema.safeParse({ day: "2026-12-12", reasonTk: "x\u0000", reasonRu: "y", reasonEn: "z" }).error!)).toEqual({ reasonTk: "invalid" });
    expect(officialSchema.safeParse(official).success).toBe(true);
  });
});
