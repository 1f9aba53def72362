import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { z } from "zod";
import { databaseUrlFromEnv } from "../db/database-url.js";

const urlOrEmpty = z.string().trim().url().optional().or(z.literal("").transform(() => undefined));

// The variables one by one; server/cli-config.ts picks the few a command-line tool needs from the same definitions.
export const envFields = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATA_DIR: z.string().default("./data"),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^(postgres(ql)?:\/\/|sqlite:|file:|\.{0,2}\/|[A-Za-z0-9_.-]+\.(db|sqlite3?)$)/.test(v), {
        message: "must be postgres://… or a SQLite file path (sqlite:./data/frl.db)",
      }),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PUBLIC_URL: urlOrEmpty.refine((v) => !v || /^https?:\/\/[^/?#]+\/?$/i.test(v), {
      message: "must be the site's origin, http(s)://host[:port] without a path",
    }),
    REDIS_URL: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^rediss?:\/\//.test(v), { message: "must start with redis:// or rediss://" }),
    SEARCH_ENGINE: z.enum(["embedded", "meilisearch"]).default("embedded"),
    MEILI_URL: urlOrEmpty,
    MEILI_KEY: z.string().optional(),
    SEARCH_THREADS: z.coerce.number().int().min(0).max(16).optional(),
    SMTP_URL: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^smtps?:\/\//.test(v), { message: "must start with smtp:// or smtps://" }),
    MAIL_FROM: z.string().default("Forum Rozwoju Lokalnego <frl@zmp.poznan.pl>"),
    FRL_DEMO: z.enum(["0", "1"]).default("1"),
    TRUST_PROXY: z.enum(["0", "1"]).default("0"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    LIVE_RECOVERY_MS: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
    LIVE_REDIS_STREAM: z.string().trim().min(1).max(100).default("frl:live"),
    RATE_LIMIT_PREFIX: z.string().trim().min(1).max(100).default("frl:rate:"),
    ACCESS_REDIS_CHANNEL: z.string().trim().min(1).max(100).default("frl:access"),
    STREAM_HOSTS: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.split(",").map((h) => h.trim()).filter(Boolean) : []))
      .refine((hosts) => hosts.every((h) => /^https:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(h)), {
        message: "must be a comma-separated list of https:// origins (https://stream.example.pl)",
      }),
    API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
    JOBS_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
    JOBS_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    COLLAB_PROCESS: z.enum(["0", "1"]).optional(),
    COLLAB_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  });

/** SEARCH_ENGINE=meilisearch needs to know where Meilisearch runs; the server and the CLIs both check it. */
export function requireMeiliUrl(env: { SEARCH_ENGINE: string; MEILI_URL?: string }, ctx: z.RefinementCtx): void {
  if (env.SEARCH_ENGINE === "meilisearch" && !env.MEILI_URL) {
    ctx.addIssue({ code: "custom", path: ["MEILI_URL"], message: "is required when SEARCH_ENGINE=meilisearch" });
  }
}

const envSchema = envFields
  .superRefine((env, ctx) => {
    // A real deployment (production without demo data) must share one secret across instances and restarts. A local
    // trial of the built app (`npm start`, demo accounts with a published password) may generate and keep its own.
    if (env.NODE_ENV === "production" && env.FRL_DEMO === "0" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production (NODE_ENV=production with FRL_DEMO=0)" });
    }
    // Mail and calendar links are built from PUBLIC_URL, never from the request's Host header, and production refuses
    // other hosts; a real deployment must therefore say which address it serves.
    if (env.NODE_ENV === "production" && env.FRL_DEMO === "0" && !env.PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "is required in production (NODE_ENV=production with FRL_DEMO=0), e.g. https://frl.zmp.poznan.pl" });
    }
    requireMeiliUrl(env, ctx);
  });

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  sessionSecret: string;
  /** PUBLIC_URL as configured; links use publicOrigin() (server/http/public-url.ts), which supplies the default. */
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  searchEngine: "embedded" | "meilisearch";
  meiliUrl: string | undefined;
  meiliKey: string | undefined;
  /** Threads serving the embedded search engine; 0 searches on the main thread. */
  searchThreads: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** How long socket.io keeps a dropped live-room connection's missed packets (connection state recovery). */
  liveRecoveryMs: number;
  liveRedisStream: string;
  /** Prefix of rate-limit keys in Redis: instances sharing it share their limits. */
  rateLimitPrefix: string;
  /** Redis channel on which instances tell each other that someone's rights changed (live and /collab re-check). */
  accessRedisChannel: string;
  /** Requests per minute one client address may make to the public JSON API. */
  apiRateLimit: number;
  /** Video stream origins the pages may load images from and connect to (CSP); none by default. */
  streamHosts: string[];
  /** How often the job queue looks for due jobs (reminders, mail, digests). */
  jobsPollMs: number;
  /** The first retry of a failed job waits this long; each further one twice as long. */
  jobsRetryBaseMs: number;
  /** /collab served from its own process (the default in production; not with an in-memory SQLite database). */
  collabProcess: boolean;
  /**
   * A port on which the /collab process also accepts /collab connections itself, for a reverse proxy to route them
   * there (decision 0015); the app's port keeps handing them over. 0 picks a free port (tests, benchmarks).
   */
  collabPort: number | undefined;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const env = parseEnv(envSchema, source);
  const dataDir = path.resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = databaseUrlFromEnv({ DATABASE_URL: env.DATABASE_URL, DATA_DIR: dataDir });
  // In production co-editing gets its own process and heap (decision 0014); elsewhere it runs in this one, which
  // keeps tests and development light. Another process cannot open an in-memory database.
  const collabProcess = (env.COLLAB_PROCESS ? env.COLLAB_PROCESS === "1" : env.NODE_ENV === "production") && !/:memory:/.test(databaseUrl);
  if (env.COLLAB_PORT !== undefined && !collabProcess) {
    throw new ConfigError("Invalid configuration:\n  COLLAB_PORT: needs /collab in its own process (COLLAB_PROCESS=1, the default in production, and a database file or PostgreSQL)");
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl,
    sessionSecret: env.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    publicUrl: env.PUBLIC_URL,
    redisUrl: env.REDIS_URL || undefined,
    searchEngine: env.SEARCH_ENGINE,
    meiliUrl: env.MEILI_URL,
    meiliKey: env.MEILI_KEY || undefined,
    // In production every core searches (up to 4); elsewhere the main thread does, which keeps tests light.
    searchThreads: env.SEARCH_THREADS ?? (env.NODE_ENV === "production" ? Math.min(4, Math.max(1, os.availableParallelism())) : 0),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    demo: env.FRL_DEMO === "1",
    trustProxy: env.TRUST_PROXY === "1",
    logLevel: env.LOG_LEVEL,
    liveRecoveryMs: env.LIVE_RECOVERY_MS,
    liveRedisStream: env.LIVE_REDIS_STREAM,
    rateLimitPrefix: env.RATE_LIMIT_PREFIX,
    accessRedisChannel: env.ACCESS_REDIS_CHANNEL,
    apiRateLimit: env.API_RATE_LIMIT,
    streamHosts: env.STREAM_HOSTS,
    jobsPollMs: env.JOBS_POLL_MS,
    jobsRetryBaseMs: env.JOBS_RETRY_BASE_MS,
    collabProcess,
    collabPort: env.COLLAB_PORT,
  };
}

/** Parses the environment with `schema`; throws ConfigError naming each bad variable. */
export function parseEnv<T>(schema: z.ZodType<T>, source: Record<string, string | undefined>): T {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

// Outside production a secret is generated once and kept, so sessions survive restarts.
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
