import { getTranslations } from "next-intl/server";

type Attachment = { fileId: string; name: string; byteSize: number };

const kilobytesOf = (byteSize: number) => Math.max(1, Math.round(byteSize / 1024));

/** A version's PDFs, each through the route that decides who may have it before publication. */
export async function StatementAttachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  const t = await getTranslations("statements");
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">{t("attachmentsHeading")}</h2>
      <ul>
        {attachments.map((a) => (
          <li key={a.fileId}>
            <a href={`/api/statements/attachments/${a.fileId}`} download>
              {a.name}
            </a>{" "}
            (PDF, {t("kilobytes", { count: kilobytesOf(a.byteSize) })})
          </li>
        ))}
      </ul>
    </section>
  );
}
