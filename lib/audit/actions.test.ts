import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { auditActions } from "./actions";

/** The audit log shows each action by its label: a new action needs one in every language. */
describe("audit action labels", () => {
  it.each([
    ["tk", tk],
    ["ru", ru],
    ["en", en],
  ] as const)("%s names every audit action", (_locale, messages) => {
    const label = (action: string) =>
      action.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages.audit.actions);
    expect(auditActions.filter((action) => typeof label(action) !== "string")).toEqual([]);
  });
});
