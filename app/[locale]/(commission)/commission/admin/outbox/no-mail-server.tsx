import { getTranslations } from "next-intl/server";
import styles from "./outbox.module.css";

/** Said wherever an admin looks at emails that cannot leave: the demo runs without a mail server. */
export async function NoMailServerNotice() {
  const t = await getTranslations("outbox");
  return (
    <section className={`panel ${styles.notice}`} aria-labelledby="no-mail-server">
      <h2 id="no-mail-server">{t("noMailServerTitle")}</h2>
      <p>{t("noMailServerBody")}</p>
    </section>
  );
}
