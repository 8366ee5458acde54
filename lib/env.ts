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
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .refine((env) => !env.DATABASE_URL || env.AUTH_SECRET, {
    message: "AUTH_SECRET is required when DATABASE_URL is set (every process must share it)",
    path: ["AUTH_SECRET"],
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    DATA_DIR: process.env.DATA_DIR || undefined,
    SITE_URL: process.env.SITE_URL || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    DB_POOL_MAX: process.env.DB_POOL_MAX || undefined,
    LOG_LEVEL: process.env.LOG_LEVEL || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export const isEmbeddedDatabase = () => !getEnv().DATABASE_URL;
