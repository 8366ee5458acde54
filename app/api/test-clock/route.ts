import { notFound } from "next/navigation";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { publishingNow, setTestClockOffset } from "@/lib/statements/clock";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ offsetMs: z.number().int().min(0).max(366 * 24 * 3600_000) });

/** End-to-end runs only (TEST_CLOCK=on): moves the publishing clock ahead; elsewhere it does not exist. */
export async function POST(request: Request) {
  if (getEnv().TEST_CLOCK !== "on") notFound();
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "offsetMs" }, { status: 400 });
  setTestClockOffset(parsed.data.offsetMs);
  return Response.json({ now: publishingNow().toISOString() });
}
