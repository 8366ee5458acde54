import { getTranslations } from "next-intl/server";
import { StatusBadge, type StatusTone } from "@/components/data/status-badge";
import type { MeetingStatus } from "@/lib/meetings/transitions";

const tones: Record<MeetingStatus, StatusTone> = {
  requested: "blue",
  proposed: "amber",
  confirmed: "green",
  declined: "grey",
  cancelled: "red",
  expired: "grey",
  held: "green",
  not_held: "grey",
};

export async function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const t = await getTranslations("meetings.statuses");
  return <StatusBadge tone={tones[status]}>{t(status)}</StatusBadge>;
}
