import "server-only";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { userSessions, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";

type Who = { id: string; role: string };
type Client = { ip: string | null; userAgent: string | null };

/** A new signed-in browser: its session row, the last sign-in time and the audit event together. */
export async function openSession(user: Who, client: Client, method: "password" | "second-factor") {
  return getDb().transaction(async (tx) => {
    const [session] = await tx
      .insert(userSessions)
      .values({ userId: user.id, ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null })
      .returning({ id: userSessions.id });
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await writeAuditEvent(tx, { actor: user, action: "auth.signed_in", entityType: "user", entityId: user.id, ip: client.ip, details: { method } });
    return session!.id;
  });
}

// Writing on every request would turn reads into writes; a minute is finer than any idle limit.
const TOUCH_EVERY = sql`interval '1 minute'`;

/** Read with the session row (getSessionState): whether touchSession would change it, so a fresh session costs no UPDATE. */
export const sessionTouchDue = sql<boolean>`coalesce(${userSessions.lastSeenAt} < now() - ${TOUCH_EVERY}, false)`;

export async function touchSession(sessionId: string) {
  await getDb()
    .update(userSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, sql`now() - ${TOUCH_EVERY}`)));
}

export async function closeSession(user: Who, sessionId: string | undefined, ip: string | null) {
  await getDb().transaction(async (tx) => {
    if (sessionId) {
      await tx
        .update(userSessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)));
    }
    await writeAuditEvent(tx, { actor: user, action: "auth.signed_out", entityType: "user", entityId: user.id, ip });
  });
}

/** "Sign out everywhere": every session row revoked and the version bumped, so no cookie survives. */
export async function closeAllSessions(user: Who, ip: string | null) {
  await getDb().transaction(async (tx) => {
    await tx.update(userSessions).set({ revokedAt: new Date() }).where(and(eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)));
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
    await writeAuditEvent(tx, { actor: user, action: "auth.signed_out_everywhere", entityType: "user", entityId: user.id, ip });
  });
}
