import { getTranslations } from "next-intl/server";
import { StatusBadge, type StatusTone } from "@/components/data/status-badge";
import type { ApplicationStatus, ObserverStatus } from "@/lib/accreditation/transitions";

const applicationTones: Record<ApplicationStatus, StatusTone> = {
  draft: "grey",
  submitted: "blue",
  changes_requested: "amber",
  approved: "green",
  rejected: "red",
  withdrawn: "grey",
};

const observerTones: Record<ObserverStatus, StatusTone> = {
  pending: "blue",
  accredited: "green",
  refused: "red",
  revoked: "red",
  withdrawn: "grey",
};

export async function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations("applications.statuses");
  return <StatusBadge tone={applicationTones[status]}>{t(status)}</StatusBadge>;
}

export async function ObserverStatusBadge({ status }: { status: ObserverStatus }) {
  const t = await getTranslations("observers.statuses");
  return <StatusBadge tone={observerTones[status]}>{t(status)}</StatusBadge>;
}
