import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { describeError, log } from "@/lib/log";
import { getAuthSecret } from "./auth-secret";
import { verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { isSessionCurrent } from "./session-validity";
import { getSessionUser, getUserForSignIn } from "./users";
import type { Role } from "./permissions";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; organizationId: string | null; locale: "tk" | "ru" | "en" };
  }
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
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
      credentials: { email: {}, password: {} },
      async authorize(unverifiedCredentials) {
        const parsed = signInSchema.safeParse(unverifiedCredentials);
        if (!parsed.success) return null;
        const user = await getUserForSignIn(parsed.data.email);
        const passwordMatches = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
        if (!user || !passwordMatches || user.disabledAt) return null;
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Runs on every auth(): the cookie says who, the database says whether they still may.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      if (!token.sub) return null;
      const current = await getSessionUser(token.sub);
      if (!current || !isSessionCurrent(token.sessionVersion, current)) return null;
      token.name = current.name;
      token.email = current.email;
      token.role = current.role;
      token.organizationId = current.organizationId;
      token.locale = current.preferredLocale;
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
      };
      return session;
    },
  },
}));
