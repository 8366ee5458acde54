import "server-only";
import { getTranslations } from "next-intl/server";

/**
 * Labels audit actions in the reader's language, for every page that lists audit events. Every
 * action has a label (lib/audit/actions.test.ts); one without would show as its code, not fail the page.
 */
export async function auditActionLabels() {
  const t = await getTranslations("audit.actions");
  return (action: string) => (t.has(action) ? t(action as Parameters<typeof t>[0]) : action);
}
