import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/**
 * Meetings as iCalendar (RFC 5545): the file attached to every change notice and the private
 * feed. One meeting is always one event with the same UID (its id at the portal's host), and its
 * SEQUENCE is the meeting's, raised on every change sent, so calendar software updates or removes
 * the event it already has instead of adding another. Times are written in UTC ("…Z"): every
 * program places them correctly without a VTIMEZONE; the text says the Ashgabat time as well.
 */

export type CalendarEvent = {
  id: string;
  sequence: number;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  /** Title, description and place in the reader's language. */
  summary: string;
  description: string;
  location: string | null;
  url: string;
};

export type CalendarParty = { name: string; email: string };

const PRODUCT = { company: "Observer Portal", product: "Meetings", language: "EN" };

/** The UID of a meeting's event: stable for its whole life, unique across portals. */
export function meetingUid(meetingId: string, siteUrl: string) {
  return `meeting-${meetingId}@${new URL(siteUrl).hostname}`;
}

function addEvent(calendar: ReturnType<typeof ical>, event: CalendarEvent, siteUrl: string, organizer?: CalendarParty, attendee?: string) {
  calendar.createEvent({
    id: meetingUid(event.id, siteUrl),
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.summary,
    description: event.description,
    location: event.location,
    url: event.url,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: organizer ?? null,
    attendees: attendee ? [{ email: attendee }] : [],
  });
}

/**
 * The file sent with a change notice: METHOD:REQUEST adds or updates the event, METHOD:CANCEL
 * removes it (RFC 5546). The organizer is the commission; the recipient is its attendee.
 */
export function meetingInvitation(event: CalendarEvent, options: { siteUrl: string; organizer: CalendarParty; attendee: string }) {
  const calendar = ical({ prodId: PRODUCT, method: event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addEvent(calendar, event, options.siteUrl, options.organizer, options.attendee);
  return calendar.toString();
}

/** A subscribed calendar of several meetings (METHOD:PUBLISH); cancelled ones stay, marked CANCELLED. */
export function meetingFeed(name: string, events: CalendarEvent[], siteUrl: string) {
  const calendar = ical({ prodId: PRODUCT, method: ICalCalendarMethod.PUBLISH, name, ttl: 60 * 15 });
  for (const event of events) addEvent(calendar, event, siteUrl);
  return calendar.toString();
}
