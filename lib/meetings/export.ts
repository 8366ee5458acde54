import "server-only";
import ExcelJS from "exceljs";
import { and, asc, eq, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { getDb } from "@/db";
import { elections, meetingOfficials, meetingRooms, meetings, missions, officials, organizations } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { isUuid } from "@/lib/accreditation/scope";
import { ashgabatDateTime } from "@/lib/dates";
import { can, type Role } from "@/lib/identity/permissions";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";

/**
 * The meetings held with a mission, as the XLSX missions annex to their reports: for the mission's
 * own coordinators and for staff. What both sides saw (time, topic, agenda, room, officials) and
 * the published summary; never the internal minutes or participants.
 */

type Actor = { role: Role; organizationId: string | null };
const catalogs = { tk, ru, en } as const;

/** The mission (for the file's name) and its held meetings, or null when the actor may not have them. */
export async function heldMeetingsOfMission(actor: Actor, unverifiedMissionId: string, locale: Locale) {
  if (!isUuid(unverifiedMissionId)) return null;
  const staff = can(actor.role, "schedule:meetings");
  if (!staff && !(can(actor.role, "request:meetings") && actor.organizationId)) return null;
  const db = getDb();
  const [mission] = await db
    .select({ id: missions.id, acronym: organizations.acronym, electionCode: elections.code })
    .from(missions)
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(staff ? eq(missions.id, unverifiedMissionId) : and(eq(missions.id, unverifiedMissionId), eq(missions.organizationId, actor.organizationId!)));
  if (!mission) return null;
  const officialName = { tk: officials.nameTk, ru: officials.nameRu, en: officials.nameEn }[locale];
  const officialPosition = { tk: officials.positionTk, ru: officials.positionRu, en: officials.positionEn }[locale];
  const rows = await db
    .select({
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      topic: meetings.topic,
      agenda: meetings.agenda,
      room: { tk: meetingRooms.nameTk, ru: meetingRooms.nameRu, en: meetingRooms.nameEn }[locale],
      officials: sql<string>`coalesce((select string_agg(${officialName} || ', ' || ${officialPosition}, '; ' order by ${officialName}) from ${meetingOfficials} join ${officials} on ${officials.id} = ${meetingOfficials.officialId} where ${meetingOfficials.meetingId} = ${meetings.id} and ${meetingOfficials.role} = 'assigned'), '')`,
      summary: sql<string | null>`case when ${meetings.summaryPublishedAt} is not null then ${{ tk: meetings.summaryTk, ru: meetings.summaryRu, en: meetings.summaryEn }[locale]} end`,
    })
    .from(meetings)
    .leftJoin(meetingRooms, eq(meetingRooms.id, meetings.roomId))
    .where(and(eq(meetings.missionId, mission.id), eq(meetings.status, "held")))
    .orderBy(asc(meetings.startsAt));
  return { mission, rows };
}

type HeldMeeting = NonNullable<Awaited<ReturnType<typeof heldMeetingsOfMission>>>["rows"][number];

const columns = ["date", "starts", "ends", "topic", "agenda", "officials", "room", "summary"] as const;
const widths: Record<(typeof columns)[number], number> = { date: 12, starts: 8, ends: 8, topic: 40, agenda: 50, officials: 40, room: 20, summary: 60 };

/** The workbook: a bold, frozen header in the reader's language; Ashgabat dates and times. */
export async function heldMeetingsXlsx(rows: HeldMeeting[], locale: Locale): Promise<Buffer> {
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: "meetingExport" });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("sheetName"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((key) => ({ header: t(`columns.${key}`), key, width: widths[key], style: { alignment: { wrapText: true, vertical: "top" } } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const [day, starts] = ashgabatDateTime(row.startsAt!).split("T") as [string, string];
    sheet.addRow({
      date: day,
      starts,
      ends: ashgabatDateTime(row.endsAt!).split("T")[1],
      topic: row.topic,
      agenda: row.agenda,
      officials: row.officials,
      room: row.room ?? "",
      summary: row.summary ?? "",
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
