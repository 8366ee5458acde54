import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { describeError, log } from "@/lib/log";
import { getAuthSecret } from "./auth-secret";
import { readChallenge } from "./challenge";
import { verifyPassword } from "./password";
import type { Role } from "./permissions";
import { secondFactorSchema, signInSchema } from "./schemas";
import { sessionEnd } from "./session-validity";
import { openSession, touchSession } from "./sessions";
import { verifySecondFactor } from "./two-factor";
import { getSessionState, getUserForSignIn } from "./users";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    user: {
      id: string;
      name: string;
      email: string;
      role: Role;
      organizationId: string | null;
      locale: "tk" | "ru" | "en";
      totpEnabled: boolean;
      sessionId: string;
    };
  }
}

/** The address as lib/request-context.ts explains it. */
function clientOf(request: Request) {
  return { ip: request.headers.get("x-forwarded-for") || null, userAgent: request.headers.get("user-agent") };
}

/**
 * Two ways in: email and password for accounts without a second factor, or the signed
 * challenge from the password step plus a code for accounts with one. Never the password alone
 * for an account that has a second factor.
 */
async function authorizeCredentials(unverified: Partial<Record<string, unknown>>, request: Request) {
  const client = clientOf(request);
  if (typeof unverified.challenge === "string") {
    const challenge = readChallenge(unverified.challenge, getAuthSecret());
    const code = secondFactorSchema.safeParse({ code: unverified.code });
    if (!challenge || !code.success) return null;
    const user = await getSessionState(challenge.userId, undefined);
    if (!user || user.disabledAt || user.sessionVersion !== challenge.sessionVersion) return null;
    if (!(await verifySecondFactor(user, code.data.code, client.ip))) return null;
    const sessionId = await openSession(user, client, "second-factor");
    return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, sessionId };
  }
  const parsed = signInSchema.safeParse(unverified);
  if (!parsed.success) return null;
  const user = await getUserForSignIn(parsed.data.email);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
  if (!user || !passwordMatches || user.disabledAt || user.totpEnabledAt) return null;
  const sessionId = await openSession(user, client, "password");
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, sessionId };
}

// Configured lazily: `next build` imports this module, and the database and secret exist only at run time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  } as never),
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome, not an error with a stack trace.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      // An unreadable cookie is someone's tampering or an old secret: worth a warning, not a stack.
      if (type === "JWTSessionError") return log.warn("auth.invalid_session_cookie");
      log.error("auth.error", { ...describeError(error), type });
    },
    warn(code) {
      log.warn("auth.warning", { code });
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, challenge: {}, code: {} },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    // Runs on every auth(): the cookie says who, the database says whether they still may.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
        token.sessionId = user.sessionId;
      }
      if (!token.sub || typeof token.sessionId !== "string") return null;
      const current = await getSessionState(token.sub, token.sessionId);
      if (!current || sessionEnd(token.sessionVersion, current, current.session?.id ? current.session : null)) return null;
      if (current.sessionTouchDue) await touchSession(token.sessionId);
      token.name = current.name;
      token.email = current.email;
      token.role = current.role;
      token.organizationId = current.organizationId;
      token.locale = current.preferredLocale;
      token.totpEnabled = current.totpEnabledAt !== null;
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub as string,
        name: token.name as string,
        email: token.email as string,
        role: token.role as Role,
        organizationId: (token.organizationId as string | null) ?? null,
        locale: token.locale as "tk" | "ru" | "en",
        totpEnabled: token.totpEnabled === true,
        sessionId: token.sessionId as string,
      };
      return session;
    },
  },
}));
