import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/field";
import { summaryItems } from "@/components/forms/summary-items";
import { countAccreditedForExport, exportFilterOptions } from "@/lib/accreditation/review/exports";
import { exportFilterFields, exportFiltersSchema, type ExportFormat } from "@/lib/accreditation/review/schemas";
import { deploymentRegions, observerRoles } from "@/lib/accreditation/vocabulary";
import { fieldErrorsOf } from "@/lib/forms";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";

const path = "/commission/exports";

type Props = PageProps<"/[locale]/commission/exports">;
type Unverified = Awaited<Props["searchParams"]>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const valuesOf = (unverified: Unverified) => Object.fromEntries(exportFilterFields.map((field) => [field, first(unverified[field])])) as Record<(typeof exportFilterFields)[number], string>;
/** Before the form is sent for the first time, a missing election is not yet an error. */
const sent = (unverified: Unverified) => unverified.election !== undefined;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const [t, te] = await Promise.all([getTranslations({ locale, namespace: "exports" }), getTranslations({ locale, namespace: "errors" })]);
  const unverified = await searchParams;
  // The server already knows a wrong choice came back: the title says so from the start.
  const valid = !sent(unverified) || exportFiltersSchema.safeParse(valuesOf(unverified)).success;
  return localizedMetadata(locale, path, valid ? t("title") : `${te("titlePrefix")} ${t("title")}`);
}

/**
 * The staff's exports of accredited observers: a GET form of filters, the number of observers it
 * selects, and download links for that same selection (the route records each download).
 */
export default async function ExportsPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const actor = await requirePermission("export:accredited", locale, path);
  const unverified = await searchParams;
  const values = valuesOf(unverified);
  const [t, tv, vocabulary, options] = await Promise.all([
    getTranslations("exports"),
    getTranslations("validation"),
    getTranslations("vocabulary"),
    exportFilterOptions(actor, locale),
  ]);

  const parsed = exportFiltersSchema.safeParse(values);
  const fieldErrors: Record<string, string> = parsed.success ? {} : sent(unverified) ? fieldErrorsOf(parsed.error) : {};
  // A well-formed id of no election on the list is as wrong as a mistyped one.
  if (parsed.success && !options.elections.some((e) => e.id === parsed.data.election)) fieldErrors.election = "choose";
  const filters = parsed.success && Object.keys(fieldErrors).length === 0 ? parsed.data : null;
  const matching = filters
    ? await countAccreditedForExport(actor, { electionId: filters.election, organizationId: filters.organization, region: filters.region, role: filters.role })
    : null;

  const labels = { election: t("election"), organization: t("organization"), region: t("region"), role: t("role") };
  const errorOf = (field: (typeof exportFilterFields)[number]) => (fieldErrors[field] ? tv(fieldErrors[field]) : undefined);
  const summary = summaryItems(labels, errorOf);
  const download = (format: ExportFormat) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries({ election: filters?.election, organization: filters?.organization, region: filters?.region, role: filters?.role })) {
      if (value) query.set(name, value);
    }
    query.set("format", format);
    query.set("locale", locale);
    return `/api/exports/accredited?${query}`;
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {/* Keyed by the filters, so each new wrong submission remounts it and it takes focus again. */}
      <ErrorSummary key={JSON.stringify(values)} items={summary} attempt={0} />
      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t("filtersHeading")}</h2>
        {/* Keyed by the filters: uncontrolled fields take their values again after each navigation. */}
        <form key={JSON.stringify(values)} method="get" action={`/${locale}${path}`} className="filters" noValidate>
          <SelectField
            id="election"
            name="election"
            label={labels.election}
            required
            error={errorOf("election")}
            placeholder={t("chooseElection")}
            options={options.elections.map((e) => ({ value: e.id, label: e.label }))}
            defaultValue={values.election}
          />
          <SelectField
            id="organization"
            name="organization"
            label={labels.organization}
            error={errorOf("organization")}
            placeholder={t("anyOrganization")}
            options={options.organizations.map((o) => ({ value: o.id, label: o.label }))}
            defaultValue={values.organization}
          />
          <SelectField
            id="region"
            name="region"
            label={labels.region}
            hint={t("regionHint")}
            error={errorOf("region")}
            placeholder={t("anyRegion")}
            options={deploymentRegions.map((region) => ({ value: region, label: vocabulary(`regions.${region}`) }))}
            defaultValue={values.region}
          />
          <SelectField
            id="role"
            name="role"
            label={labels.role}
            error={errorOf("role")}
            placeholder={t("anyRole")}
            options={observerRoles.map((role) => ({ value: role, label: vocabulary(`observerRoles.${role}`) }))}
            defaultValue={values.role}
          />
          <button type="submit" className="button button--secondary">
            {t("show")}
          </button>
        </form>
      </section>
      <section aria-labelledby="result-heading">
        <h2 id="result-heading">{t("resultHeading")}</h2>
        {matching === null ? (
          <p>{t("chooseFirst")}</p>
        ) : (
          <>
            <p>
              <strong>{t("matching", { count: matching })}</strong>
            </p>
            {matching > 0 && (
              <>
                <p className="page-actions">
                  <a className="button" href={download("xlsx")} download>
                    {t("downloadXlsx")}
                  </a>
                  <a className="button button--secondary" href={download("csv")} download aria-describedby="csv-hint">
                    {t("downloadCsv")}
                  </a>
                </p>
                <p className="field__hint" id="csv-hint">
                  {t("csvHint")}
                </p>
                <p className="panel panel--warning">{t("personalData")}</p>
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
