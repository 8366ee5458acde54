import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents, users } from "@/db/schema";
import { testData } from "@/test/db-fixtures";
import { changeEmailLanguageAction } from "./account-actions";
import { changeEmailLanguage, getEmailLanguage } from "./email-language";
import { authorizeSignedIn, type Actor } from "./session";

// The action as the portal runs it, with the session and the request's address stood in for.
vi.mock("./session", () => ({ authorizeSignedIn: vi.fn() }));
vi.mock("@/lib/request-context", () => ({ clientIp: async () => "10.2.2.2" }));

const data = testData();
const languageOf = async (id: string) => (await getDb().select({ locale: users.preferredLocale }).from(users).where(eq(users.id, id)))[0]!.locale;
const eventsOf = (id: string) =>
  getDb()
    .select({ actorId: auditEvents.actorId, details: auditEvents.details, ip: auditEvents.ip })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "user.email_language_changed")));
const form = (fields: Record<string, string>) => {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.set(key, value);
  return formData;
};
const signedInAs = (user: { id: string; role: string; name: string; email: string; organizationId: string | null }) =>
  vi.mocked(authorizeSignedIn).mockResolvedValue({ ...user, totpEnabled: false, sessionId: crypto.randomUUID() } as Actor);

beforeAll(() => migrateDatabase());
afterAll(() => data.cleanUp());

describe("the language of a user's emails", () => {
  it("changes the user's own row and records the change from and to, in one go", async () => {
    const coordinator = await data.user("coordinator", { preferredLocale: "en" });
    expect(await getEmailLanguage(coordinator)).toBe("en");
    await changeEmailLanguage(coordinator, "ru", "10.1.1.1");
    expect(await getEmailLanguage(coordinator)).toBe("ru");
    expect(await eventsOf(coordinator.id)).toEqual([{ actorId: coordinator.id, ip: "10.1.1.1", details: { preferredLocale: { from: "en", to: "ru" } } }]);
  });

  it("records nothing when the language chosen is the one already set", async () => {
    const reviewer = await data.user("reviewer", { preferredLocale: "tk" });
    await changeEmailLanguage(reviewer, "tk", null);
    expect(await eventsOf(reviewer.id)).toEqual([]);
  });

  it("the action refuses a language the portal does not speak, and changes nothing", async () => {
    const coordinator = await data.user("coordinator", { preferredLocale: "tk" });
    signedInAs(coordinator);
    for (const unverified of ["de", "", "RU", "ru "]) {
      expect(await changeEmailLanguageAction({ status: "idle" }, form({ preferredLocale: unverified }))).toEqual({ status: "error", fieldErrors: { preferredLocale: "required" } });
    }
    expect(await languageOf(coordinator.id)).toBe("tk");
    expect(await eventsOf(coordinator.id)).toEqual([]);
  });

  it("the action changes only the signed-in user's row, whatever other id the form carries", async () => {
    const coordinator = await data.user("coordinator", { preferredLocale: "en" });
    const other = await data.user("admin", { preferredLocale: "en" });
    signedInAs(coordinator);
    const answer = await changeEmailLanguageAction({ status: "idle" }, form({ preferredLocale: "ru", id: other.id, userId: other.id }));
    expect(answer).toEqual({ status: "success" });
    expect(await languageOf(coordinator.id)).toBe("ru");
    expect(await languageOf(other.id)).toBe("en");
    expect(await eventsOf(other.id)).toEqual([]);
    expect(await eventsOf(coordinator.id)).toMatchObject([{ actorId: coordinator.id, ip: "10.2.2.2" }]);
  });
});
