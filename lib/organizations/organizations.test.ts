import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { organizations } from "@/db/schema";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { createOrganization, updateOrganization } from "./mutations";
import { getOrganizationForEdit, listOrganizationChoices, listOrganizations } from "./queries";
import type { OrganizationInput } from "./schemas";

const data = testData();
const ip = "203.0.113.7";
let admin: { id: string; role: "admin" };

const input = (overrides: Partial<OrganizationInput> = {}): OrganizationInput => ({
  nameTk: `Ýewropa geňeşi ${data.token}`,
  nameRu: `Совет Европы ${data.token}`,
  nameEn: `Council of Europe ${data.token}`,
  acronym: data.unique("CoE-"),
  cyrillicAcronym: "СЕ",
  kind: "intergovernmental",
  seatCountry: "FR",
  website: "",
  ...overrides,
});

const firstPage = { page: 1, pageSize: 20, sort: "acronym" as const, dir: "asc" as const };

setUpTestDatabase(data);

beforeAll(async () => {
  const row = await data.user("admin");
  admin = { id: row.id, role: "admin" };
});

describe("createOrganization", () => {
  it("saves the organization and an organization.created event with its fields in one go", async () => {
    const values = input({ website: "https://www.coe.int" });
    const { id } = await createOrganization(admin, values, ip);
    expect(await getOrganizationForEdit(admin, id)).toEqual({ id, ...values });
    const events = await data.auditOf("organization", id);
    expect(events).toEqual([{ action: "organization.created", actorId: admin.id, actorRole: "admin", ip, details: { fields: values } }]);
  });

  it("stores an empty website and an empty Cyrillic acronym as none", async () => {
    const { id } = await createOrganization(admin, input({ cyrillicAcronym: "" }), ip);
    expect(await getOrganizationForEdit(admin, id)).toMatchObject({ website: null, cyrillicAcronym: null });
  });
});

describe("updateOrganization", () => {
  it("saves the changes and names each changed field with both values in the audit event", async () => {
    const before = input();
    const { id } = await createOrganization(admin, before, ip);
    const after = { ...before, acronym: data.unique("CE-"), website: "https://www.coe.int" };
    expect(await updateOrganization(admin, id, after, ip)).toEqual({ changed: true });
    expect(await getOrganizationForEdit(admin, id)).toMatchObject({ acronym: after.acronym, website: "https://www.coe.int", nameRu: before.nameRu });
    const events = await data.auditOf("organization", id);
    expect(events.map((e) => e.action)).toEqual(["organization.created", "organization.updated"]);
    expect(events[1]!.details).toEqual({
      changes: { acronym: { from: before.acronym, to: after.acronym }, website: { from: null, to: "https://www.coe.int" } },
    });
  });

  it("audits a Cyrillic acronym added, changed and removed like any other field", async () => {
    const before = input({ cyrillicAcronym: "" });
    const { id } = await createOrganization(admin, before, ip);
    await updateOrganization(admin, id, { ...before, cyrillicAcronym: "ПАСЕ" }, ip);
    await updateOrganization(admin, id, { ...before, cyrillicAcronym: "СЕ" }, ip);
    await updateOrganization(admin, id, before, ip);
    expect((await getOrganizationForEdit(admin, id))?.cyrillicAcronym).toBeNull();
    const changes = (await data.auditOf("organization", id)).slice(1).map((e) => e.details);
    expect(changes).toEqual([
      { changes: { cyrillicAcronym: { from: null, to: "ПАСЕ" } } },
      { changes: { cyrillicAcronym: { from: "ПАСЕ", to: "СЕ" } } },
      { changes: { cyrillicAcronym: { from: "СЕ", to: null } } },
    ]);
  });

  it("writes no event when nothing changed", async () => {
    const values = input();
    const { id } = await createOrganization(admin, values, ip);
    expect(await updateOrganization(admin, id, values, ip)).toEqual({ changed: false });
    expect((await data.auditOf("organization", id)).map((e) => e.action)).toEqual(["organization.created"]);
  });

  it("answers null for an organization that does not exist", async () => {
    expect(await updateOrganization(admin, "00000000-0000-4000-8000-000000000000", input(), ip)).toBeNull();
  });
});

describe("listOrganizations", () => {
  it("finds organizations by acronym or by a name in any language, ignoring case", async () => {
    const target = await data.organization({ acronym: data.unique("ZQX-"), nameRu: `Бюро Наблюдения ${data.token}` });
    await data.organization();
    const byAcronym = await listOrganizations(admin, "en", target.acronym.toLowerCase(), firstPage);
    expect(byAcronym.rows.map((r) => r.id)).toEqual([target.id]);
    expect(byAcronym.total).toBe(1);
    const byRussianName = await listOrganizations(admin, "ru", `бюро наблюдения ${data.token}`, firstPage);
    expect(byRussianName.rows.map((r) => ({ id: r.id, name: r.name }))).toEqual([{ id: target.id, name: `Бюро Наблюдения ${data.token}` }]);
  });

  it("finds organizations by their Cyrillic acronym, in any case", async () => {
    const cyrillic = `НАБ ${data.token}`;
    // Named apart from the default names, which the paging test below counts.
    const target = await data.organization({ cyrillicAcronym: cyrillic, nameTk: "Gözegçiler" });
    await data.organization({ cyrillicAcronym: "ДРУГАЯ", nameTk: "Başga gurama" });
    expect((await listOrganizations(admin, "en", cyrillic.toLowerCase(), firstPage)).rows.map((r) => r.id)).toEqual([target.id]);
  });

  it("takes % and _ in the search literally", async () => {
    expect((await listOrganizations(admin, "en", "%", firstPage)).total).toBe(0);
    expect((await listOrganizations(admin, "en", "_", firstPage)).total).toBe(0);
  });

  it("pages in SQL with the total of all matches, and counts each organization's coordinators", async () => {
    const orgs = [await data.organization(), await data.organization(), await data.organization()];
    await data.user("coordinator", { organizationId: orgs[0]!.id });
    await data.user("coordinator", { organizationId: orgs[0]!.id });
    const search = `Synag guramasy ${data.token}`;
    const page1 = await listOrganizations(admin, "tk", search, { ...firstPage, pageSize: 2 });
    const page2 = await listOrganizations(admin, "tk", search, { ...firstPage, pageSize: 2, page: 2 });
    const all = [...page1.rows, ...page2.rows];
    expect(page1.rows).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(all.map((r) => r.acronym)).toEqual([...all.map((r) => r.acronym)].sort());
    const counts = Object.fromEntries(all.map((r) => [r.id, r.coordinators]));
    expect(counts[orgs[0]!.id]).toBe(2);
    expect(counts[orgs[1]!.id]).toBe(0);
    const past = await listOrganizations(admin, "tk", search, { ...firstPage, pageSize: 2, page: 50 });
    expect(past).toEqual({ rows: [], total: page1.total });
  });
});

describe("permission, checked again by every data function", () => {
  it.each(["reviewer", "coordinator", "observer"] as const)("refuses a %s and writes nothing", async (role) => {
    const intruder = { id: "someone", role };
    const values = input();
    await expect(createOrganization(intruder, values, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await getDb().select({ id: organizations.id }).from(organizations).where(eq(organizations.acronym, values.acronym))).toEqual([]);
    const existing = await data.organization();
    await expect(updateOrganization(intruder, existing.id, values, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await getDb().select({ acronym: organizations.acronym }).from(organizations).where(eq(organizations.id, existing.id)))[0]?.acronym).toBe(existing.acronym);
    await expect(listOrganizations(intruder, "en", "", firstPage)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(getOrganizationForEdit(intruder, existing.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listOrganizationChoices(intruder, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
