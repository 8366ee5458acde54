import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data/data-table";
import { StatusBadge, type StatusTone } from "@/components/data/status-badge";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Link } from "@/i18n/navigation";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/identity/invitation-actions";
import { invitedAddress, listInvitations, type InvitationStatus } from "@/lib/identity/invitations";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";

export const generateMetadata = pageMetadata("invitations", "title", "/commission/admin/invitations");

const statuses = ["pending", "accepted", "expired", "revoked"] as const satisfies readonly InvitationStatus[];
const tone: Record<InvitationStatus, StatusTone> = { pending: "blue", accepted: "green", expired: "grey", revoked: "red" };

const notices = ["resent", "notResent", "revoked", "notRevoked"] as const;

type Row = Awaited<ReturnType<typeof listInvitations>>["rows"][number];

export default async function InvitationsPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/invitations">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("invite:users", locale, "/commission/admin/invitations");
  const t = await getTranslations("invitations");
  const unverified = await searchParams;
  const status = statuses.find((s) => s === unverified.status);
  const query = parseListQuery(unverified, { sortable: ["createdAt"], defaultSort: "createdAt", defaultDir: "desc", pageSize: 25 });
  const { rows, total } = await listInvitations(actor, { status }, query);
  const sent = typeof unverified.sent === "string" ? await invitedAddress(actor, unverified.sent) : null;
  const notice = notices.find((n) => n === unverified.notice);

  const actions = (row: Row) =>
    row.status === "accepted" ? null : (
      <div className="row-actions">
        <form action={resendInvitationAction}>
          <input type="hidden" name="id" value={row.id} />
          <input type="hidden" name="locale" value={locale} />
          <ConfirmDialog
            trigger={
              <>
                {t("resend")}
                <span className="visually-hidden"> {row.email}</span>
              </>
            }
            triggerClassName="link-button"
            title={t("resendConfirmTitle")}
            body={t("resendConfirmBody", { email: row.email })}
            confirmLabel={t("resend")}
            cancelLabel={t("cancel")}
          />
        </form>
        {row.status === "pending" && (
          <form action={revokeInvitationAction}>
            <input type="hidden" name="id" value={row.id} />
            <input type="hidden" name="locale" value={locale} />
            <ConfirmDialog
              trigger={
                <>
                  {t("revoke")}
                  <span className="visually-hidden"> {row.email}</span>
                </>
              }
              triggerClassName="link-button"
              title={t("revokeConfirmTitle")}
              body={t("revokeConfirmBody", { email: row.email })}
              confirmLabel={t("revoke")}
              cancelLabel={t("cancel")}
            />
          </form>
        )}
      </div>
    );

  const columns: Column<Row>[] = [
    { key: "email", header: t("email"), cell: (r) => r.email },
    { key: "role", header: t("role"), cell: (r) => t(`roles.${r.role as "coordinator"}`) },
    { key: "organization", header: t("organization"), cell: (r) => r.organizationAcronym ?? "" },
    { key: "status", header: t("status"), cell: (r) => <StatusBadge tone={tone[r.status]}>{t(`statuses.${r.status}`)}</StatusBadge> },
    { key: "createdAt", header: t("sentAt"), cell: (r) => formatInstant(r.createdAt, locale) },
    { key: "expiresAt", header: t("expiresAt"), cell: (r) => formatInstant(r.expiresAt, locale) },
    { key: "actions", header: t("actions"), cell: actions },
  ];

  return (
    <>
      <h1>{t("title")}</h1>
      {sent && (
        <p className="notice" role="status">
          {t("sentNotice", { email: sent })}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {t(`notices.${notice}`)}
        </p>
      )}
      <p>
        <Link href="/commission/admin/invitations/new" className="button">
          {t("newTitle")}
        </Link>
      </p>
      <form method="get" className="filters">
        <label htmlFor="status">{t("status")}</label>
        <select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">{t("allStatuses")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("filter")}
        </button>
      </form>
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        total={total}
        query={query}
        pathname="/commission/admin/invitations"
        searchParams={status ? { status } : {}}
        empty={t("empty")}
      />
    </>
  );
}
