import { calendarOfToken } from "@/lib/meetings/feed";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

/**
 * A user's private calendar feed, for calendar software that subscribes without signing in: the
 * address's random token is the only credential. A guessed, replaced or malformed one is a 404
 * that says nothing more.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/meetings/feed/[token]">) {
  const { token: unverified } = await params;
  const calendar = unverified.endsWith(".ics") ? await calendarOfToken(unverified.slice(0, -4)) : null;
  if (calendar === null) return new Response(null, { status: 404, headers });
  return new Response(calendar, { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="meetings.ics"' } });
}
