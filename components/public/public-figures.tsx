import { getLocale, getTranslations } from "next-intl/server";
import type { PublicTotals } from "@/lib/public/register";

/** Accredited missions, observers and countries represented, as three large figures. */
export async function PublicFigures({ totals }: { totals: PublicTotals }) {
  const [t, locale] = await Promise.all([getTranslations("publicElections"), getLocale()]);
  const number = new Intl.NumberFormat(locale);
  return (
    <dl className="figures">
      {(["missions", "observers", "countries"] as const).map((key) => (
        <div key={key}>
          <dt>{t(`figures.${key}`)}</dt>
          <dd>{number.format(totals[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
