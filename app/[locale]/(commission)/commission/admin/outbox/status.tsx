import { useTranslations } from "next-intl";
import { StatusBadge, type StatusTone } from "@/components/data/status-badge";
import type { emailStatuses } from "@/db/schema/email";

type EmailStatus = (typeof emailStatuses)[number];

const tone: Record<EmailStatus, StatusTone> = { pending: "amber", sending: "blue", sent: "green", failed: "red" };

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const t = useTranslations("outbox.statuses");
  return <StatusBadge tone={tone[status]}>{t(status)}</StatusBadge>;
}
