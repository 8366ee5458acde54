import { getLocale, getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/i18n/format";

type Version = { number: number; publishedAt: string; sha256: string };

/** Every published version with its date and the SHA-256 of its canonical content; `link` opens one. */
export async function VersionHistory({ versions, link }: { versions: Version[]; link?: (number: number) => string }) {
  if (versions.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("statements"), getLocale()]);
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t("versionsHeading")}</h2>
      <p className="field__hint">{t("hashHint")}</p>
      <ol className="version-list" reversed>
        {versions.map((v) => (
          <li key={v.number}>
            <p>
              {link ? <a href={link(v.number)}>{t("versionLabel", { number: v.number })}</a> : t("versionLabel", { number: v.number })} ·{" "}
              {t("publishedOn", { time: formatInstant(new Date(v.publishedAt), locale) })}
              {v.number > 1 && ` · ${t("correction")}`}
            </p>
            <p>
              SHA-256: <code className="hash">{v.sha256}</code>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
