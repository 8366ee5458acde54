import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { ashgabatInstant } from "@/lib/dates";
import { meetingFeed, meetingInvitation, meetingUid, type CalendarEvent } from "./calendar";

/** The files read back by an independent parser (ical.js), as calendar software would. */
const site = "https://portal.example";
const event: CalendarEvent = {
  id: "0b5e2a51-3f4c-4c1e-9d43-6f0a2c5b7e10",
  sequence: 2,
  cancelled: false,
  startsAt: ashgabatInstant("2026-03-10", "10:00"),
  endsAt: ashgabatInstant("2026-03-10", "11:00"),
  summary: "Встреча: ОБСЕ/БДИПЧ — подготовка к дню выборов; 2,3",
  description: "Повестка:\nразвёртывание наблюдателей",
  location: "Zal 1",
  url: `${site}/ru/portal/meetings/0b5e2a51-3f4c-4c1e-9d43-6f0a2c5b7e10`,
};
const organizer = { name: "Central Commission", email: "portal@portal.example" };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("a meeting's invitation", () => {
  it("places 10:00 in Ashgabat at 05:00 UTC, with a stable UID, the SEQUENCE and METHOD:REQUEST", () => {
    const { calendar, events } = parse(meetingInvitation(event, { siteUrl: site, organizer, attendee: "anna@mission.example" }));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e!.startDate.toJSDate().toISOString()).toBe("2026-03-10T05:00:00.000Z");
    expect(e!.endDate.toJSDate().toISOString()).toBe("2026-03-10T06:00:00.000Z");
    expect(e!.uid).toBe(meetingUid(event.id, site));
    expect(e!.sequence).toBe(2);
    expect(e!.summary).toBe(event.summary);
    expect(e!.description).toBe(event.description);
    expect(e!.location).toBe("Zal 1");
    expect(String(e!.organizer).toLowerCase()).toBe("mailto:portal@portal.example");
    expect(e!.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(["mailto:anna@mission.example"]);
  });

  it("cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE", () => {
    const { calendar, events } = parse(meetingInvitation({ ...event, sequence: 3, cancelled: true }, { siteUrl: site, organizer, attendee: "anna@mission.example" }));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events[0]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0]!.uid).toBe(meetingUid(event.id, site));
    expect(events[0]!.sequence).toBe(3);
  });
});

describe("the feed", () => {
  it("lists every meeting as its own event", () => {
    const other = { ...event, id: "7c9a0f3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b", startsAt: ashgabatInstant("2026-03-11", "15:30"), endsAt: ashgabatInstant("2026-03-11", "16:15") };
    const { calendar, events } = parse(meetingFeed("Meetings", [event, other], site));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events.map((e) => [e.uid, e.startDate.toJSDate().toISOString()])).toEqual([
      [meetingUid(event.id, site), "2026-03-10T05:00:00.000Z"],
      [meetingUid(other.id, site), "2026-03-11T10:30:00.000Z"],
    ]);
  });
});
