import { describe, expect, it } from "vitest";
import { publicationLook } from "./publication-watch";

function watched(instants: (string | null)[], failures: number[] = []) {
  let call = 0;
  const refreshes: (string | null)[] = [];
  let current: string | null = null;
  const look = publicationLook(
    async () => (current = instants[call++]!),
    async () => {
      if (failures.includes(call)) throw new Error("server not listening yet");
      refreshes.push(current);
    },
  );
  return { look, refreshes };
}

describe("the publication watch", () => {
  it("refreshes on its first look, then only when the newest public moment moves", async () => {
    const { look, refreshes } = watched([null, null, "2026-11-30T09:00:00.000Z", "2026-11-30T09:00:00.000Z", "2026-11-30T10:00:00.000Z"]);
    expect([await look(), await look(), await look(), await look(), await look()]).toEqual([true, false, true, false, true]);
    expect(refreshes).toEqual([null, "2026-11-30T09:00:00.000Z", "2026-11-30T10:00:00.000Z"]);
  });

  it("tries a failed refresh again at the next look", async () => {
    const instant = "2026-11-30T09:00:00.000Z";
    const { look, refreshes } = watched([instant, instant, instant], [1]);
    await expect(look()).rejects.toThrow("not listening");
    expect(await look()).toBe(true);
    expect(await look()).toBe(false);
    expect(refreshes).toEqual([instant]);
  });
});
