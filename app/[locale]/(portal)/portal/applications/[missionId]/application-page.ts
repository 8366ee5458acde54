import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getOwnApplication } from "@/lib/accreditation/queries";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";

type Params = Promise<{ locale: string; missionId: string }>;

/**
 * Every page of one application: the signed-in coordinator, and the application if it is their
 * organization's (any other id, however typed, is a 404 — it does not exist for them).
 */
export async function loadApplicationPage(params: Params, step = "") {
  const { missionId } = await params;
  const locale = await localeOf(params);
  const actor = await requirePermission("apply:accreditation", locale, `/portal/applications/${missionId}${step}`);
  const application = await getOwnApplication(actor, missionId, locale);
  if (!application) notFound();
  return { locale, actor, application };
}

/** A private page's title; it has no other language versions worth announcing to search engines. */
export function applicationPageMetadata(titleKey: string) {
  return async ({ params }: { params: Params }): Promise<Metadata> => {
    const locale = await localeOf(params);
    const t = await getTranslations({ locale, namespace: "applications" });
    return { title: t(titleKey), robots: { index: false } };
  };
}
