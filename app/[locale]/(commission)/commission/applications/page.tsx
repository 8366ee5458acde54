import { getTranslations } from "next-intl/server";
import { ApplicationStatusBadge } from "@/components/accreditation/status";
import { DataTable, type Column } from "@/components/data/data-table";
import { Link } from "@/i18n/navigation";
import { filterQueueAction } from "@/lib/accreditation/review/actions";
import { isUuid } from "@/lib/accreditation/scope";
import { openQueueSearch } from "@/lib/accreditation/review/sealed-search";
import { countQueueViews, listQueue, queueFilterOptions, queueSorts, queueViews, type QueueFilters } from "@/lib/accreditation/review/queue";
import { todayInAshgabat } from "@/lib/dates";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";

const path = "/commission/applications";

export const generateMetadata = pageMetadata("review", "queueTitle", path);

type QueueRow = Awaited<ReturnType<typeof listQueue>>["rows"][number];
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** The reviewers' queue: what waits for a decision, across elections, filtered and paged in SQL. */
export default async function QueuePage({ params, searchParams }: PageProps<"/[locale]/commission/applications">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("review:applications", locale, path);
  const unverified = await searchParams;
  const query = parseListQuery(unverified, { sortable: queueSorts, defaultSort: "decisionDueOn", defaultDir: "asc", pageSize: 50 });
  const filters: QueueFilters = {
    view: queueViews.find((v) => v === first(unverified.view)) ?? "waiting",
    electionId: isUuid(first(unverified.election)) ? first(unverified.election) : undefined,
    organizationId: isUuid(first(unverified.organization)) ? first(unverified.organization) : undefined,
    overdue: first(unverified.overdue) === "1",
    search: openQueueSearch(first(unverified.s)),
  };
  const [t, { rows, total }, counts, options] = await Promise.all([
    getTranslations("review"),
    listQueue(actor, locale, filters, query),
    countQueueViews(actor, filters),
    queueFilterOptions(actor, locale),
  ]);
  const today = todayInAshgabat();
  const kept = {
    ...(filters.electionId && { election: filters.electionId }),
    ...(filters.organizationId && { organization: filters.organizationId }),
    ...(filters.overdue && { overdue: "1" }),
    ...(filters.search && { s: first(unverified.s) }),
  };

  const columns: Column<QueueRow>[] = [
    {
      key: "organization",
      header: t("organization"),
      cell: (row) => (
        <Link href={`${path}/${row.id}`}>
          {row.organizationAcronym}
          <span className="visually-hidden"> — {row.electionTitle}</span>
        </Link>
      ),
    },
    { key: "mission", header: t("mission"), cell: (row) => row.name ?? "—" },
    { key: "election", header: t("election"), cell: (row) => row.electionTitle },
    { key: "status", header: t("status"), cell: (row) => <ApplicationStatusBadge status={row.status} /> },
    { key: "observers", header: t("observers"), cell: (row) => t("observerCounts", { pending: row.pendingCount, total: row.observerCount }) },
    { key: "submittedAt", header: t("submittedAt"), sortable: true, cell: (row) => (row.submittedAt ? formatInstant(row.submittedAt, locale) : "—") },
    {
      key: "decisionDueOn",
      header: t("decisionDueOn"),
      sortable: true,
      cell: (row) =>
        row.decisionDueOn && row.status === "submitted" ? (
          <>
            {formatDay(row.decisionDueOn, locale)}
            {row.decisionDueOn < today && <strong className="status status--red"> {t("overdue")}</strong>}
          </>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <>
      <h1>{t("queueTitle")}</h1>
      <p className="lead">{t("queueLead")}</p>
      <nav aria-label={t("viewsLabel")}>
        <ul className="view-tabs">
          {queueViews.map((view) => (
            <li key={view}>
              <Link href={{ pathname: path, query: { ...kept, view } }} aria-current={view === filters.view ? "page" : undefined}>
                {t(`views.${view}`)} <span className="view-tabs__count">({counts[view]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Posted, not a GET form: a passport number searched for goes into the URL only sealed. */}
      <form action={filterQueueAction} role="search" className="filters">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="view" value={filters.view} />
        <div className="field">
          <label htmlFor="q">{t("searchLabel")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.search} maxLength={100} aria-describedby="q-hint" />
          <p className="field__hint" id="q-hint">
            {t("searchHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="election">{t("election")}</label>
          <select id="election" name="election" defaultValue={filters.electionId ?? ""}>
            <option value="">{t("anyElection")}</option>
            {options.elections.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="organization">{t("organization")}</label>
          <select id="organization" name="organization" defaultValue={filters.organizationId ?? ""}>
            <option value="">{t("anyOrganization")}</option>
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input id="overdue" name="overdue" type="checkbox" value="1" defaultChecked={filters.overdue} />
          <label htmlFor="overdue">{t("onlyOverdue")}</label>
        </div>
        <button type="submit" className="button button--secondary">
          {t("applyFilters")}
        </button>
      </form>
      <DataTable
        caption={t("caption", { count: total })}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        total={total}
        query={query}
        pathname={path}
        searchParams={{ ...kept, view: filters.view }}
        empty={t("empty")}
      />
    </>
  );
}
