import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/i18n/navigation";
import { getElectionForEdit } from "@/lib/elections/admin-queries";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { ElectionForm } from "../../election-form";
import { electionOptions } from "../../election-options";

type Props = PageProps<"/[locale]/commission/admin/elections/[id]/edit">;

/** The id from the URL, unverified until it parses as a UUID. */
async function idOf(params: Props["params"]) {
  const { id: unverifiedId } = await params;
  return { unverifiedId, id: z.uuid().safeParse(unverifiedId).data ?? null };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { unverifiedId } = await idOf(params);
  const t = await getTranslations({ locale, namespace: "elections" });
  // The title names no election: metadata is rendered apart from the page's permission check.
  return localizedMetadata(locale, `/commission/admin/elections/${encodeURIComponent(unverifiedId)}/edit`, t("editPageTitle"));
}

export default async function EditElectionPage({ params }: Props) {
  const locale = await localeOf(params);
  const { unverifiedId, id } = await idOf(params);
  const actor = await requirePermission("manage:elections", locale, `/commission/admin/elections/${encodeURIComponent(unverifiedId)}/edit`);
  if (!id) notFound();
  const election = await getElectionForEdit(actor, id);
  if (!election) notFound();
  const [t, options] = await Promise.all([getTranslations("elections"), electionOptions()]);
  const { id: electionId, publishedAt, ...initial } = election;
  return (
    <>
      <p>
        <Link href="/commission/admin/elections">{t("backToList")}</Link>
      </p>
      <h1>{t("editTitle", { code: election.code })}</h1>
      {publishedAt && <p>{t("publishedSince", { date: formatInstant(publishedAt, locale) })}</p>}
      <ElectionForm locale={locale} electionId={electionId} initial={initial} {...options} />
    </>
  );
}
