import type { Ref } from "react";
import { useTranslations } from "next-intl";
import { TableWrap } from "@/components/data/table-wrap";
import type { ReportedImportError } from "@/lib/accreditation/import";

type Props = { errors: ReportedImportError[]; total: number; ref: Ref<HTMLDivElement> };

/**
 * Why an observer list was not imported. A problem of the whole file (empty, not the template)
 * has no cell to point at and is said in words; the others are listed by the spreadsheet's row
 * number and the column's heading as the coordinator's file has it, so each cell can be found.
 */
export function ImportReport({ errors, total, ref }: Props) {
  const t = useTranslations("observerImport");
  const v = useTranslations("validation");
  const fileProblems = errors.filter((error) => error.row === null);
  const cellProblems = errors.filter((error) => error.row !== null);
  return (
    <div className="error-summary report" role="alert" tabIndex={-1} ref={ref} aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t("reportTitle", { count: total })}</h2>
      {fileProblems.map((error, index) => (
        <p key={index}>{v(error.code, error.params)}</p>
      ))}
      {cellProblems.length > 0 && (
        <>
          <p>{t("reportLead")}</p>
          {total > errors.length && <p>{t("reportTruncated", { shown: errors.length })}</p>}
          <TableWrap label={t("reportCaption")}>
            <table>
              <caption className="visually-hidden">{t("reportCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("row")}</th>
                  <th scope="col">{t("column")}</th>
                  <th scope="col">{t("problem")}</th>
                </tr>
              </thead>
              <tbody>
                {cellProblems.map((error, index) => (
                  <tr key={index}>
                    <td>{error.row}</td>
                    <td>{error.heading}</td>
                    <td>{v(error.code, error.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </div>
  );
}
