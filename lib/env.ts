import { z } from "zod";

/**
 * The one place that reads process.env. Validated on first use (never at import time, so
 * `next build` needs no configuration) and cached for the life of the process.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    /** The address users reach the portal at; absolute links (hreflang, emails) use it. */
    SITE_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** smtp:// or smtps:// URL of the mail server. Unset: emails stay in the outbox, readable by admins. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default("Observer Portal <no-reply@portal.example>"),
    /** Whether this server process also runs the outbox sender (`npm run worker` runs it alone). */
    OUTBOX_SENDER: z.enum(["on", "off"]).default("on"),
    /** First retry delay after a failed delivery; each further failure doubles it (capped at an hour). */
    OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** 32 bytes, base64: encrypts TOTP secrets at rest. Generated into DATA_DIR on the embedded default. */
    SECRETS_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "SECRETS_KEY must be 32 bytes in base64")
      .optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /**
     * The Ed25519 key that signs badges: a PKCS#8 PEM or a private JWK (JSON, `kid` optional).
     * Generated into DATA_DIR on the embedded default; required in production with DATABASE_URL.
     */
    BADGE_SIGNING_KEY: z.string().min(40).optional(),
    /** The key id of BADGE_SIGNING_KEY when it is a PEM (or a JWK without `kid`); default: from its thumbprint. */
    BADGE_SIGNING_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, "BADGE_SIGNING_KEY_ID must be 1-32 characters of A-Z a-z 0-9 _ -")
      .optional(),
    /** Public JWKs (JSON array or {"keys": [...]}, each with its `kid`) of retired badge keys: old badges still verify. */
    BADGE_RETIRED_KEYS: z.string().min(2).optional(),
    /** `count`: one JSON line per HTTP request with the number of SQL statements it sent (benchmarks, diagnosis). */
    DB_QUERY_LOG: z.enum(["off", "count"]).default("off"),
    /**
     * `on` only for end-to-end tests: POST /api/test-clock moves this process's publishing clock
     * (lib/statements/clock.ts), so embargo tests need not wait. Never set in production.
     */
    TEST_CLOCK: z.enum(["on", "off"]).default("off"),
    /** ISO 3166-1 alpha-2 of the country holding the elections: its own nationals are flagged to staff. */
    HOST_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, "HOST_COUNTRY must be an ISO 3166-1 alpha-2 code")
      .default("TM"),
    /**
     * The port the server listens on (`next start` sets it once listening, from `-p` too): the
     * server's own background work reaches it there (lib/statements/publication-watch.ts).
     */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** How often the server (or `npm run worker`) expires meeting requests left undecided too long. */
    MEETING_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
    /**
     * End-to-end tests only: the expiry job looks this far ahead, so a request due to expire in a
     * few days expires now. Leave 0 anywhere else.
     */
    MEETING_EXPIRY_LOOKAHEAD_MS: z.coerce.number().int().min(0).max(30 * 86_400_000).default(0),
  })
  .refine((env) => !env.DATABASE_URL || env.AUTH_SECRET, {
    message: "AUTH_SECRET is required when DATABASE_URL is set (every process must share it)",
    path: ["AUTH_SECRET"],
  })
  .refine((env) => !env.DATABASE_URL || env.SECRETS_KEY || env.NODE_ENV !== "production", {
    message: "SECRETS_KEY is required in production with DATABASE_URL (every process must share it)",
    path: ["SECRETS_KEY"],
  })
  .refine((env) => !env.DATABASE_URL || env.BADGE_SIGNING_KEY || env.NODE_ENV !== "production", {
    message: "BADGE_SIGNING_KEY is required in production with DATABASE_URL (every process must sign with it)",
    path: ["BADGE_SIGNING_KEY"],
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= readEnv();
  return cached;
}

/** The configuration as the environment holds it now, uncached: for tests that change it between reads. */
export function readEnv(): Env {
  const parsed = envSchema.safeParse({
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    DATA_DIR: process.env.DATA_DIR || undefined,
    SITE_URL: process.env.SITE_URL || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    DB_POOL_MAX: process.env.DB_POOL_MAX || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    MAIL_FROM: process.env.MAIL_FROM || undefined,
    OUTBOX_SENDER: process.env.OUTBOX_SENDER || undefined,
    OUTBOX_RETRY_BASE_MS: process.env.OUTBOX_RETRY_BASE_MS || undefined,
    SECRETS_KEY: process.env.SECRETS_KEY || undefined,
    LOG_LEVEL: process.env.LOG_LEVEL || undefined,
    DB_QUERY_LOG: process.env.DB_QUERY_LOG || undefined,
    HOST_COUNTRY: process.env.HOST_COUNTRY || undefined,
    TEST_CLOCK: process.env.TEST_CLOCK || undefined,
    BADGE_SIGNING_KEY: process.env.BADGE_SIGNING_KEY || undefined,
    BADGE_SIGNING_KEY_ID: process.env.BADGE_SIGNING_KEY_ID || undefined,
    BADGE_RETIRED_KEYS: process.env.BADGE_RETIRED_KEYS || undefined,
    PORT: process.env.PORT || undefined,
    MEETING_EXPIRY_INTERVAL_MS: process.env.MEETING_EXPIRY_INTERVAL_MS || undefined,
    MEETING_EXPIRY_LOOKAHEAD_MS: process.env.MEETING_EXPIRY_LOOKAHEAD_MS || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/**
 * The knobs of the proofs of issue #9 (never read by the portal): how many inputs the fuzzer sends
 * per target and from which seed, the signal the crash test stops its process with, and how long
 * the mixed load test runs.
 */
export function proofSettings() {
  return {
    fuzzRuns: Number(process.env.FUZZ_RUNS ?? 1_000),
    fuzzSeed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31),
    crashSignal: process.env.CRASH_SIGNAL as NodeJS.Signals | undefined,
    loadSeconds: Number(process.env.LOAD_SECONDS ?? 60),
  };
}

export const isEmbeddedDatabase = () => !getEnv().DATABASE_URL;
