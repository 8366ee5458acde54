import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";
import { getOfficialForEdit, getRoomForEdit } from "@/lib/meetings/resources";
import { ResourceForm } from "./resource-form";

const blank = {
  official: { nameTk: "", nameRu: "", nameEn: "", positionTk: "", positionRu: "", positionEn: "", active: true },
  room: { nameTk: "", nameRu: "", nameEn: "", capacity: "", active: true },
};

type Params = Promise<{ locale: string; id?: string }>;

/** The page of a new official or room (no id) or of one being edited; both are admin-only. */
export async function ResourcePage({ params, kind }: { params: Params; kind: "official" | "room" }) {
  const locale = await localeOf(params);
  const { id: unverifiedId } = await params;
  const section = kind === "official" ? "officials" : "rooms";
  const path = `/commission/admin/meetings/${section}/${unverifiedId ? encodeURIComponent(unverifiedId) : "new"}`;
  const actor = await requirePermission("manage:meeting-resources", locale, path);
  const t = await getTranslations("meetingResources");
  let initial: Record<string, string | boolean> = blank[kind];
  if (unverifiedId !== undefined) {
    const id = z.uuid().safeParse(unverifiedId).data;
    const saved = id && (kind === "official" ? await getOfficialForEdit(actor, id) : await getRoomForEdit(actor, id));
    if (!saved) notFound();
    initial = Object.fromEntries(Object.entries(saved).map(([key, value]) => [key, typeof value === "number" ? String(value) : value]));
  }
  const title = t(`${unverifiedId ? "edit" : "new"}${kind === "official" ? "Official" : "Room"}Title`);
  return (
    <>
      <p>
        <Link href="/commission/admin/meetings">{t("backToResources")}</Link>
      </p>
      <h1>{title}</h1>
      <ResourceForm locale={locale} kind={kind} id={unverifiedId} initial={initial} />
    </>
  );
}
