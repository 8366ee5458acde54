import { handlers } from "@/lib/identity/auth";

// GET only (the session the header reads, and Auth.js's own pages). Signing in and out go through
// the Server Actions, which count failures and lock accounts; Auth.js's POST endpoints
// (/api/auth/callback/credentials) would take passwords and authenticator codes without those limits.
export const { GET } = handlers;
