import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { ApplicationStatusBadge } from "@/components/accreditation/status";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Notice } from "@/components/forms/notice";
import { Link } from "@/i18n/navigation";
import { withdrawApplicationAction } from "@/lib/accreditation/actions";
import { listOwnReviewComments, listOwnSubmissions } from "@/lib/accreditation/queries";
import { acceptsAmendments, isEditable } from "@/lib/accreditation/rules";
import { applicationLifecycle } from "@/lib/accreditation/transitions";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { applicationPageMetadata, loadApplicationPage } from "./application-page";
import { TableWrap } from "@/components/data/table-wrap";

type Props = PageProps<"/[locale]/portal/applications/[missionId]">;

export const generateMetadata = applicationPageMetadata("overviewTitle");

const notices = ["submitted", "withdrawn", "notEditable"] as const;

/**
 * The application at a glance: its status and legal clock, the steps still to do, the
 * commission's comments, and every submission so far.
 */
export default async function ApplicationPage({ params, searchParams }: Props) {
  const { locale, actor, application } = await loadApplicationPage(params);
  const [t, comments, submissions] = await Promise.all([
    getTranslations("applications"),
    listOwnReviewComments(actor, application.id),
    listOwnSubmissions(actor, application.id),
  ]);
  const unverifiedNotice = (await searchParams).notice;
  const notice = notices.find((n) => n === unverifiedNotice);
  const editable = isEditable(application.status);
  const base = `/portal/applications/${application.id}`;
  const steps = [
    { href: `${base}/mission`, label: t("stepMission"), done: application.name !== null },
    { href: `${base}/letter`, label: t("stepLetter"), done: application.letter !== null },
    {
      href: `${base}/observers`,
      label: t("stepObservers"),
      done: application.counts.observers > 0 && application.counts.withoutPhoto === 0,
      detail: t("observersSummary", { count: application.counts.observers, withoutPhoto: application.counts.withoutPhoto }),
    },
    { href: `${base}/check`, label: application.status === "draft" ? t("stepSubmit") : t("stepResubmit"), done: false },
  ];

  return (
    <>
      <p>
        <Link href="/portal">{t("backToWorkspace")}</Link>
      </p>
      {notice && (notice === "notEditable" ? <p className="notice notice--error" role="alert">{t("refusals.notEditable")}</p> : <Notice>{t(`notices.${notice}`)}</Notice>)}
      <h1>{application.name ?? t("overviewTitle")}</h1>
      <p className="lead">{application.election.title}</p>
      <dl className="summary-list panel">
        <dt>{t("status")}</dt>
        <dd>
          <ApplicationStatusBadge status={application.status} />
        </dd>
        {application.submittedAt && (
          <>
            <dt>{t("lastSubmitted")}</dt>
            <dd>{formatInstant(application.submittedAt, locale)}</dd>
          </>
        )}
        {application.status === "submitted" && application.decisionDueOn && (
          <>
            <dt>{t("decisionDue")}</dt>
            <dd>{formatDay(application.decisionDueOn, locale)}</dd>
          </>
        )}
        <dt>{t("observerCount")}</dt>
        <dd>{application.counts.observers}</dd>
      </dl>
      <p>{t(`statusExplained.${application.status}`)}</p>

      {editable ? (
        <>
          <h2>{t("stepsHeading")}</h2>
          <ol className="task-list">
            {steps.map((step) => (
              <li key={step.href}>
                <Link href={step.href}>{step.label}</Link>
                {step.detail && <span className="task-list__detail">{step.detail}</span>}
                {step.href !== `${base}/check` && (
                  <strong className={step.done ? "status status--green" : "status status--grey"}>{step.done ? t("stepDone") : t("stepToDo")}</strong>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="page-actions">
          <Link href={`${base}/observers`} className="button button--secondary">
            {acceptsAmendments(application.status) ? t("manageObservers") : t("viewObservers")}
          </Link>
          <Link href={`${base}/check`}>{t("viewAnswers")}</Link>
        </p>
      )}

      {comments.length > 0 && (
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">{t("commentsHeading")}</h2>
          <ul className="comment-list">
            {comments.map((comment) => (
              <li key={comment.id}>
                <p className="row-note">
                  {formatInstant(comment.at, locale)}
                  {comment.observers.map((observer, index) => (
                    <Fragment key={observer.id}>
                      {index === 0 ? " · " : "; "}
                      <Link href={`${base}/observers/${observer.id}`}>{observer.name}</Link>
                    </Fragment>
                  ))}
                </p>
                <p>{comment.body}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {submissions.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t("historyHeading")}</h2>
          <TableWrap label={t("historyHeading")}>
            <table className="responsive">
              <caption className="visually-hidden">{t("historyHeading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("submissionNumber")}</th>
                  <th scope="col">{t("submittedAt")}</th>
                  <th scope="col">{t("observerCount")}</th>
                  <th scope="col">{t("decisionDue")}</th>
                </tr>
              </thead>
              <tbody>
                {submissions.map((submission) => (
                  <tr key={submission.number}>
                    <td data-label={t("submissionNumber")}>{submission.number}</td>
                    <td data-label={t("submittedAt")}>{formatInstant(submission.submittedAt, locale)}</td>
                    <td data-label={t("observerCount")}>{submission.observerCount}</td>
                    <td data-label={t("decisionDue")}>{formatDay(submission.decisionDueOn, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}

      {applicationLifecycle.canTransition(application.status, "withdraw", actor.role) && (
        <section aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t("withdrawHeading")}</h2>
          <p>{t("withdrawLead")}</p>
          <form action={withdrawApplicationAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="missionId" value={application.id} />
            <ConfirmDialog
              trigger={t("withdrawButton")}
              triggerClassName="button button--warning"
              title={t("withdrawConfirmTitle")}
              body={t("withdrawConfirmBody")}
              confirmLabel={t("withdrawButton")}
              cancelLabel={t("cancel")}
            />
          </form>
        </section>
      )}
    </>
  );
}
