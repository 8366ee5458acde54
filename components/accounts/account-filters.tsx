import { getTranslations } from "next-intl/server";
import type { AccountFilters } from "@/lib/accounts/schemas";

type Props = {
  filters: AccountFilters;
  /** Coordinator lists filter by organization as well. */
  organizations?: { id: string; acronym: string; name: string }[];
};

/** A plain GET form: every filtered list has a shareable URL and works without JavaScript. */
export async function AccountFiltersForm({ filters, organizations }: Props) {
  const t = await getTranslations("accounts");
  return (
    <form method="get" role="search" aria-label={t("filtersLegend")} className="filters">
      <div className="field">
        <label htmlFor="q">{t("search")}</label>
        <input id="q" name="q" type="search" defaultValue={filters.q} maxLength={100} />
      </div>
      {organizations && (
        <div className="field">
          <label htmlFor="organization">{t("organization")}</label>
          <select id="organization" name="organization" defaultValue={filters.organization ?? ""}>
            <option value="">{t("anyOrganization")}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.acronym} — {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="status">{t("status")}</label>
        <select id="status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("anyStatus")}</option>
          <option value="active">{t("active")}</option>
          <option value="disabled">{t("disabled")}</option>
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t("apply")}
      </button>
    </form>
  );
}
