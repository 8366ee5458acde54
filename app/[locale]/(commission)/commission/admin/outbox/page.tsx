import Form from "next/form";
import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data/data-table";
import { SelectField, TextField } from "@/components/forms/field";
import { emailStatuses } from "@/db/schema/email";
import { Link } from "@/i18n/navigation";
import { listOutboxEmails, OUTBOX_PAGE_SIZE, outboxSorts } from "@/lib/email/queries";
import { outboxFiltersSchema } from "@/lib/email/schemas";
import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";
import { NoMailServerNotice } from "./no-mail-server";
import styles from "./outbox.module.css";
import { EmailStatusBadge } from "./status";

const path = "/commission/admin/outbox";

export const generateMetadata = pageMetadata("outbox", "title", path);

type OutboxRow = Awaited<ReturnType<typeof listOutboxEmails>>["rows"][number];

/** Every email the portal queued, for admins: what went out, what waits, what failed and why. */
export default async function OutboxPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/outbox">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("view:outbox", locale, path);
  const [t, tLayout] = await Promise.all([getTranslations("outbox"), getTranslations("layout")]);

  const unverified = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filters = outboxFiltersSchema.parse({ status: first(unverified.status), recipient: first(unverified.recipient) });
  const query = parseListQuery(unverified, { sortable: outboxSorts, defaultSort: "createdAt", defaultDir: "desc", pageSize: OUTBOX_PAGE_SIZE });
  const { rows, total } = await listOutboxEmails(actor, filters, query);
  const filtered = Boolean(filters.status || filters.recipient);

  const columns: Column<OutboxRow>[] = [
    {
      key: "createdAt",
      header: t("columns.queued"),
      sortable: true,
      cell: (e) => <time dateTime={e.createdAt.toISOString()}>{formatInstant(e.createdAt, locale)}</time>,
    },
    { key: "recipient", header: t("columns.recipient"), cell: (e) => <span className={styles.address}>{e.toAddress}</span> },
    { key: "subject", header: t("columns.subject"), cell: (e) => <Link href={`${path}/${e.id}`}>{e.subject}</Link> },
    { key: "template", header: t("columns.template"), cell: (e) => <code>{e.template}</code> },
    { key: "status", header: t("columns.status"), cell: (e) => <EmailStatusBadge status={e.status} /> },
    { key: "attempts", header: t("columns.attempts"), cell: (e) => e.attempts },
  ];

  const activeFilters = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));

  return (
    <>
      <p className={styles.back}>
        <Link href="/commission/admin">{tLayout("administration")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {!getEnv().SMTP_URL && <NoMailServerNotice />}

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t("filtersHeading")}</h2>
        {/* Keyed by the filters: "Clear filters" and the back button reset the fields too. */}
        <Form key={JSON.stringify(activeFilters)} action={`/${locale}${path}`} className={styles.filters}>
          <SelectField
            id="status"
            name="status"
            label={t("status")}
            placeholder={t("anyStatus")}
            options={emailStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            defaultValue={filters.status ?? ""}
          />
          <TextField
            id="recipient"
            name="recipient"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
            label={t("recipient")}
            hint={t("recipientHint")}
            defaultValue={filters.recipient ?? ""}
          />
          {query.dir === "asc" && <input type="hidden" name="dir" value="asc" />}
          <div className={styles.filterActions}>
            <button type="submit" className="button">
              {t("apply")}
            </button>
            {filtered && <Link href={path}>{t("clear")}</Link>}
          </div>
        </Form>
      </section>

      <p role="status">{t("results", { count: total })}</p>
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        total={total}
        query={query}
        pathname={path}
        searchParams={activeFilters}
        empty={filtered ? t("emptyFiltered") : t("empty")}
      />
    </>
  );
}
