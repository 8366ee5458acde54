import type { Metadata } from "next";
import Form from "next/form";
import { getTranslations } from "next-intl/server";
import { auditActionLabels } from "@/lib/audit/action-labels";
import { DataTable, type Column } from "@/components/data/data-table";
import { ErrorSummary } from "@/components/forms/error-summary";
import { DateField, SelectField, TextField } from "@/components/forms/field";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { roles } from "@/db/schema/identity";
import { Link } from "@/i18n/navigation";
import { auditActions } from "@/lib/audit/actions";
import { AUDIT_PAGE_SIZE, auditEventSorts, listAuditEvents } from "@/lib/audit/queries";
import { auditFilterFields, auditFilterInput, auditFiltersSchema } from "@/lib/audit/schemas";
import { COMMISSION_TIME_ZONE } from "@/lib/dates";
import { fieldErrorsOf } from "@/lib/forms";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";
import styles from "./audit.module.css";
import { VerifyChain } from "./verify-chain";

const path = "/commission/admin/audit";

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/commission/admin/audit">): Promise<Metadata> {
  const locale = await localeOf(params);
  const [t, te] = await Promise.all([getTranslations({ locale, namespace: "audit" }), getTranslations({ locale, namespace: "errors" })]);
  // Wrong filters come back from a GET navigation: the title says so from the server already.
  const valid = auditFiltersSchema.safeParse(auditFilterInput(await searchParams)).success;
  return localizedMetadata(locale, path, valid ? t("title") : `${te("titlePrefix")} ${t("title")}`);
}

type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];

/** The administrators' view of the audit chain: filtered, paged in SQL, verifiable on demand. */
export default async function AuditLogPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/audit">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("view:audit-log", locale, path);
  const [t, tv, tRoles, actionLabel] = await Promise.all([getTranslations("audit"), getTranslations("validation"), getTranslations("workspace.roles"), auditActionLabels()]);

  const unverified = await searchParams;
  const values = auditFilterInput(unverified);
  const parsed = auditFiltersSchema.safeParse(values);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const errorOf = (field: string) => (fieldErrors[field] ? tv(fieldErrors[field]) : undefined);
  const query = parseListQuery(unverified, { sortable: auditEventSorts, defaultSort: "seq", defaultDir: "desc", pageSize: AUDIT_PAGE_SIZE });
  // Wrong filters list nothing rather than everything: the reader fixes them first.
  const result = parsed.success ? await listAuditEvents(actor, parsed.data, query) : null;

  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: COMMISSION_TIME_ZONE });
  const roleLabel = (role: string) => ((roles as readonly string[]).includes(role) ? tRoles(role) : role);

  const columns: Column<AuditRow>[] = [
    { key: "seq", header: t("columns.seq"), sortable: true, cell: (e) => e.seq },
    {
      key: "time",
      header: t("columns.time"),
      cell: (e) => <time dateTime={e.occurredAt.toISOString()}>{time.format(e.occurredAt)}</time>,
    },
    {
      key: "actor",
      header: t("columns.actor"),
      cell: (e) =>
        e.actorEmail ? (
          <>
            {e.actorName}
            <br />
            {e.actorEmail}
            {e.actorRole && <span className={`${styles.secondLine} ${styles.muted}`}>{roleLabel(e.actorRole)}</span>}
          </>
        ) : (
          <span className={styles.muted}>{t("noActor")}</span>
        ),
    },
    { key: "action", header: t("columns.action"), cell: (e) => actionLabel(e.action) },
    {
      key: "entity",
      header: t("columns.entity"),
      cell: (e) => (
        <>
          {e.entityType}
          {e.entityId && <code className={styles.secondLine}>{e.entityId}</code>}
        </>
      ),
    },
    { key: "ip", header: t("columns.ip"), cell: (e) => e.ip },
    {
      key: "details",
      header: t("columns.details"),
      cell: (e) => (Object.keys(e.details).length > 0 ? <code className={styles.details}>{JSON.stringify(e.details)}</code> : null),
    },
  ];

  const activeFilters = Object.fromEntries(auditFilterFields.filter((f) => values[f].trim() !== "").map((f) => [f, values[f]]));
  const summary = summaryItems(labelsOf(auditFilterFields, (field) => t(field)), errorOf);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {/* Keyed by the filters, so each new wrong submission remounts it and it takes focus again. */}
      <ErrorSummary key={JSON.stringify(values)} items={summary} attempt={0} />

      <section aria-labelledby="integrity-heading">
        <h2 id="integrity-heading">{t("integrityHeading")}</h2>
        <p>{t("integrityLead")}</p>
        <VerifyChain />
      </section>

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t("filtersHeading")}</h2>
        {/* Keyed by the filters: uncontrolled fields take their values again after each navigation. */}
        <Form key={JSON.stringify(values)} action={`/${locale}${path}`} className={styles.filters} noValidate>
          <TextField
            id="actor"
            name="actor"
            type="email"
            autoComplete="off"
            spellCheck={false}
            label={t("actor")}
            hint={t("actorHint")}
            error={errorOf("actor")}
            defaultValue={values.actor}
          />
          <SelectField
            id="action"
            name="action"
            label={t("action")}
            error={errorOf("action")}
            placeholder={t("anyAction")}
            options={auditActions.map((a) => ({ value: a, label: actionLabel(a) }))}
            defaultValue={values.action}
          />
          <TextField
            id="entityType"
            name="entityType"
            spellCheck={false}
            label={t("entityType")}
            hint={t("entityTypeHint")}
            error={errorOf("entityType")}
            defaultValue={values.entityType}
          />
          <TextField
            id="entityId"
            name="entityId"
            spellCheck={false}
            label={t("entityId")}
            hint={t("entityIdHint")}
            error={errorOf("entityId")}
            defaultValue={values.entityId}
          />
          <DateField id="from" name="from" label={t("from")} hint={t("fromHint")} error={errorOf("from")} defaultValue={values.from} />
          <DateField id="to" name="to" label={t("to")} hint={t("toHint")} error={errorOf("to")} defaultValue={values.to} />
          {query.dir === "asc" && <input type="hidden" name="dir" value="asc" />}
          <div className={styles.filterActions}>
            <button type="submit" className="button">
              {t("apply")}
            </button>
            <Link href={path}>{t("clear")}</Link>
          </div>
        </Form>
      </section>

      {result && (
        <div className={styles.log}>
          <p>{t("results", { count: result.total })}</p>
          <DataTable
            caption={t("caption")}
            columns={columns}
            rows={result.rows}
            rowKey={(e) => String(e.seq)}
            total={result.total}
            query={query}
            pathname={path}
            searchParams={activeFilters}
            empty={t("empty")}
          />
        </div>
      )}
    </>
  );
}
