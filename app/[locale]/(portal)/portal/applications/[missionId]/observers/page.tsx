import { getTranslations } from "next-intl/server";
import { AccreditationNumber } from "@/components/accreditation/accreditation-number";
import { ObserverStatusBadge } from "@/components/accreditation/status";
import { DataTable, type Column } from "@/components/data/data-table";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Notice } from "@/components/forms/notice";
import { Link } from "@/i18n/navigation";
import { removeObserverAction } from "@/lib/accreditation/actions";
import { listOwnObservers, observerListFilters, type ObserverListFilter } from "@/lib/accreditation/queries";
import { acceptsAmendments, isEditable, isObserverEditable } from "@/lib/accreditation/rules";
import { observerLifecycle } from "@/lib/accreditation/transitions";
import { formatDay } from "@/lib/i18n/format";
import { parseListQuery } from "@/lib/listing";
import { ownAccessState } from "@/lib/observers/invitation-state";
import { countryNamer } from "@/lib/organizations/countries";
import { applicationPageMetadata, loadApplicationPage } from "../application-page";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/observers">;

export const generateMetadata = applicationPageMetadata("observersTitle");

type ObserverRow = Awaited<ReturnType<typeof listOwnObservers>>["rows"][number];

const notices = ["observerAdded", "observerSaved", "observerRemoved", "observerWithdrawn", "imported", "notEditable"] as const;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** Step 3: the mission's observers, hundreds at a time, filtered and paged in SQL. */
export default async function ObserversPage({ params, searchParams }: Props) {
  const { locale, actor, application } = await loadApplicationPage(params, "/observers");
  const unverified = await searchParams;
  const query = parseListQuery(unverified, { sortable: ["name"], defaultSort: "name", defaultDir: "asc", pageSize: 50 });
  const filter: ObserverListFilter = observerListFilters.find((f) => f === first(unverified.status)) ?? "all";
  const search = first(unverified.q).trim().slice(0, 100);
  const [t, v, a, { rows, total }] = await Promise.all([
    getTranslations("observers"),
    getTranslations("vocabulary"),
    getTranslations("observerAccess.coordinator"),
    listOwnObservers(actor, application.id, { ...query, filter, search }),
  ]);
  const countryName = countryNamer(locale);
  const base = `/portal/applications/${application.id}`;
  const editable = isEditable(application.status);
  const amendable = acceptsAmendments(application.status);
  const notice = notices.find((n) => n === first(unverified.notice));
  const reasonText = (o: { reasonCode: ObserverRow["reasonCode"]; statusReason: string | null }) =>
    [o.reasonCode && v(`decisionReasons.${o.reasonCode}`), o.statusReason].filter(Boolean).join(": ");

  const columns: Column<ObserverRow>[] = [
    {
      key: "name",
      header: t("name"),
      cell: (o) => <Link href={`${base}/observers/${o.id}`}>{`${o.surname}, ${o.givenNames}`}</Link>,
    },
    { key: "role", header: t("role"), cell: (o) => v(`observerRoles.${o.role}`) },
    { key: "nationality", header: t("nationality"), cell: (o) => countryName(o.nationality) },
    { key: "stay", header: t("stay"), cell: (o) => `${formatDay(o.arrivalOn, locale)} – ${formatDay(o.departureOn, locale)}` },
    { key: "photo", header: t("photo"), cell: (o) => (o.hasPhoto ? t("photoYes") : <strong>{t("photoMissing")}</strong>) },
    {
      key: "status",
      header: t("status"),
      cell: (o) => (
        <>
          <ObserverStatusBadge status={o.status} />
          {o.isAmendment && <span className="row-note"> {t("amendment")}</span>}
          {o.accreditationNumber && (
            <p className="row-note">
              <AccreditationNumber number={o.accreditationNumber} status={o.status} />
            </p>
          )}
          {(o.reasonCode || o.statusReason) && <p className="row-note">{t("reason", { reason: reasonText(o) })}</p>}
        </>
      ),
    },
    { key: "ownAccess", header: a("column"), cell: (o) => a(`states.${ownAccessState(o, o.latestInvitation)}`) },
    {
      key: "badge",
      header: t("badge"),
      cell: (o) =>
        o.hasBadge && (
          <a href={`/api/observers/${o.id}/badge?locale=${locale}`} download>
            {t("downloadBadge")}
            <span className="visually-hidden"> {`${o.surname}, ${o.givenNames}`}</span>
          </a>
        ),
    },
    {
      key: "actions",
      header: t("actions"),
      cell: (o) => {
        const removable = isObserverEditable(application.status, o.status);
        const withdrawable = amendable && observerLifecycle.canTransition(o.status, "withdraw", actor.role);
        if (!removable && !withdrawable) return null;
        const name = `${o.surname}, ${o.givenNames}`;
        return (
          <form action={removeObserverAction} className="row-actions">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="missionId" value={application.id} />
            <input type="hidden" name="observerId" value={o.id} />
            <ConfirmDialog
              trigger={
                <>
                  {removable ? t("remove") : t("withdraw")}
                  <span className="visually-hidden"> {name}</span>
                </>
              }
              triggerClassName="button button--secondary button--small"
              title={removable ? t("removeConfirmTitle", { name }) : t("withdrawConfirmTitle", { name })}
              body={removable ? t("removeConfirmBody") : t("withdrawConfirmBody")}
              confirmLabel={removable ? t("remove") : t("withdraw")}
              cancelLabel={t("cancel")}
            />
          </form>
        );
      },
    },
  ];

  return (
    <>
      <p>
        <Link href={base}>{t("backToApplication")}</Link>
      </p>
      {notice &&
        (notice === "notEditable" ? (
          <p className="notice notice--error" role="alert">
            {t("notEditable")}
          </p>
        ) : (
          <Notice>{t(`notices.${notice}`, { count: Number(first(unverified.count)) || 0 })}</Notice>
        ))}
      <h1>{t("title")}</h1>
      <p className="lead">{editable ? t("leadEditable") : amendable ? t("leadAmendable") : t("leadLocked")}</p>
      {(editable || amendable) && (
        <p className="page-actions">
          <Link href={`${base}/observers/new`} className="button">
            {t("add")}
          </Link>
          {editable && (
            <>
              <Link href={`${base}/observers/import`} className="button button--secondary">
                {t("import")}
              </Link>
              <Link href={`${base}/observers/photos`} className="button button--secondary">
                {t("addPhotos")}
              </Link>
            </>
          )}
        </p>
      )}
      <form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t("searchLabel")}</label>
          <input id="q" name="q" type="search" defaultValue={search} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("filterLabel")}</label>
          <select id="status" name="status" defaultValue={filter}>
            {observerListFilters.map((f) => (
              <option key={f} value={f}>
                {t(`filters.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("applyFilters")}
        </button>
      </form>
      <DataTable
        caption={t("caption", { count: total })}
        columns={columns}
        rows={rows}
        rowKey={(o) => o.id}
        total={total}
        query={query}
        pathname={`${base}/observers`}
        searchParams={{ ...(search && { q: search }), ...(filter !== "all" && { status: filter }) }}
        empty={t("empty")}
      />
      {editable && (
        <p className="page-actions">
          <Link href={`${base}/check`} className="button">
            {t("continueToCheck")}
          </Link>
        </p>
      )}
    </>
  );
}
