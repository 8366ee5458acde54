import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { previewSubmission } from "@/lib/accreditation/applications";
import { isEditable } from "@/lib/accreditation/rules";
import { formatDay } from "@/lib/i18n/format";
import { applicationPageMetadata, loadApplicationPage } from "../application-page";
import { SubmitForm } from "./submit-form";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/check">;

export const generateMetadata = applicationPageMetadata("checkTitle");

/** Step 4: everything the commission will receive, what is still missing, and the submit button. */
export default async function CheckAnswersPage({ params }: Props) {
  const { locale, actor, application } = await loadApplicationPage(params, "/check");
  const [t, v, validation, preview] = await Promise.all([
    getTranslations("applications"),
    getTranslations("vocabulary"),
    getTranslations("validation"),
    previewSubmission(actor, application.id),
  ]);
  if (!preview) notFound();
  const editable = isEditable(application.status);
  const base = `/portal/applications/${application.id}`;
  const languageNames = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const change = (step: string, what: string) =>
    editable && (
      <Link href={`${base}/${step}`}>
        {t("change")}
        <span className="visually-hidden"> {what}</span>
      </Link>
    );
  const problems = [
    ...(preview.detailsMissing ? [{ key: "details", text: t("problems.detailsMissing"), href: `${base}/mission` }] : []),
    ...(preview.letterMissing ? [{ key: "letter", text: t("problems.letterMissing"), href: `${base}/letter` }] : []),
    ...preview.issues.map((issue, index) => ({ key: `issue-${index}`, text: validation(issue.code, issue.params), href: `${base}/observers` })),
  ];

  return (
    <>
      <p>
        <Link href={base}>{t("backToApplication")}</Link>
      </p>
      <h1>{t("checkTitle")}</h1>
      <p className="lead">{application.election.title}</p>

      <h2>{t("stepMission")}</h2>
      <dl className="summary-list">
        <dt>{t("fields.name")}</dt>
        <dd>{application.name ?? "—"}</dd>
        <dt>{t("fields.type")}</dt>
        <dd>{application.type ? v(`missionTypes.${application.type}`) : "—"}</dd>
        <dt>{t("plannedStay")}</dt>
        <dd>
          {application.plannedArrivalOn && application.plannedDepartureOn
            ? `${formatDay(application.plannedArrivalOn, locale)} – ${formatDay(application.plannedDepartureOn, locale)}`
            : "—"}
        </dd>
        <dt>{t("fields.regions")}</dt>
        <dd>{application.regions.map((region) => v(`regions.${region as "ashgabat"}`)).join(", ") || "—"}</dd>
        <dt>{t("fields.contactPerson")}</dt>
        <dd>{[application.contactPerson, application.phone, application.email].filter(Boolean).join(", ") || "—"}</dd>
        <dt>{t("fields.workingLanguages")}</dt>
        <dd>{application.workingLanguages.map((code) => languageNames.of(code) ?? code).join(", ") || "—"}</dd>
      </dl>
      <p>{change("mission", t("stepMission"))}</p>

      <h2>{t("stepLetter")}</h2>
      <p>
        {application.letter ? (
          <a href={`/api/applications/${application.id}/letter`} download>
            {application.letter.name}
          </a>
        ) : (
          t("problems.letterMissing")
        )}{" "}
        {change("letter", t("stepLetter"))}
      </p>

      <h2>{t("stepObservers")}</h2>
      <p>
        {t("observersSummary", { count: application.counts.observers, withoutPhoto: application.counts.withoutPhoto })}{" "}
        <Link href={`${base}/observers`}>{editable ? t("manageObservers") : t("viewObservers")}</Link>
      </p>

      {editable && (
        <>
          {problems.length > 0 || preview.observersToCorrectCount > 0 ? (
            <section className="panel panel--warning" aria-labelledby="problems-heading">
              <h2 id="problems-heading">{t("problemsHeading")}</h2>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.key}>
                    <Link href={problem.href}>{problem.text}</Link>
                  </li>
                ))}
              </ul>
              {preview.observersToCorrect.length > 0 && (
                <>
                  <h3>{t("observersToCorrect")}</h3>
                  <ul>
                    {preview.observersToCorrect.map((observer) => (
                      <li key={observer.id}>
                        <Link href={`${base}/observers/${observer.id}`}>{observer.name}</Link>:{" "}
                        {observer.issues.map((issue) => validation(issue.code, issue.params)).join(" ")}
                      </li>
                    ))}
                  </ul>
                  {preview.observersToCorrectCount > preview.observersToCorrect.length && (
                    <p>{t("moreToCorrect", { count: preview.observersToCorrectCount - preview.observersToCorrect.length })}</p>
                  )}
                </>
              )}
            </section>
          ) : (
            <SubmitForm locale={locale} missionId={application.id} resubmission={application.status === "changes_requested"} />
          )}
        </>
      )}
    </>
  );
}
