import path from 'node:path';
import { z } from 'zod';
import { StripePublishableKey } from '../shared/payments.ts';
import { IceServer } from '../shared/voice.ts';

/**
 * What the README's Configuration table shows for a variable: `default` is the value used when the
 * variable is unset or empty (written exactly as an operator would set it), `unset` the words shown
 * when there is none. tests/unit/server/config.test.ts holds the README table to these.
 */
export interface VariableDoc {
  description: string;
  default?: string;
  unset?: string;
}

/** One environment variable: an empty or blank value counts as unset, and unset means `doc.default`. */
function variable<T extends z.ZodType>(parse: T, doc: VariableDoc) {
  const unset = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');
  return z.preprocess((value) => (unset(value) ? doc.default : value), parse).meta({ ...doc });
}

const count = z.coerce.number<string>().int('must be a whole number').min(0, 'must not be negative');
const text = z.string().optional();
const file = z.string().transform((value) => path.resolve(value));
const json = <T extends z.ZodType>(schema: T, what: string) =>
  z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be ${what}` });
        return z.NEVER;
      }
    })
    .pipe(schema);
const list = z
  .string()
  .optional()
  .transform((value = '') =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * The server's environment: the only place its variables are named, parsed and given defaults.
 * Order is the README table's order.
 */
export const Environment = z.object({
  PORT: variable(count, {
    default: '2567',
    description: 'HTTP + WebSocket port (the page, the API and the room server share it)',
  }),
  DATA_DIR: variable(file, { default: './data', description: 'where the embedded database keeps its files (created 0700)' }),
  DATABASE_URL: variable(text, {
    unset: 'unset',
    description: 'a PostgreSQL server (`postgres://...`) instead of the embedded one; same SQL, same migrations',
  }),
  REDIS_URL: variable(text, {
    unset: 'unset (one process: presence, matchmaking and the venue in memory)',
    description:
      'a Redis server (`redis://...`): several processes (with `DATABASE_URL`) share matchmaking, presence and the venue; see Scale',
  }),
  INTERNAL_URL: variable(z.url().optional(), {
    unset: '`http://127.0.0.1:$PORT`',
    description: "where the cluster's proxy reaches this process (with `REDIS_URL`); each process announces it in Redis",
  }),
  SESSION_SECRET: variable(text, { unset: 'generated once, kept in the database', description: 'key that signs visitor tokens' }),
  VENUE_NAME: variable(text, { unset: 'from the catalog', description: 'name shown on the scoreboard' }),
  CATALOG_FILE: variable(file, {
    default: 'server/db/seed/catalog.json',
    description: 'the catalog and initial stock the database is seeded from',
  }),
  DIST_DIR: variable(file, { default: './dist', description: 'the built client the server serves at `/`' }),
  PAYMENT_DELAY_MS: variable(count, { default: '150', description: 'how long the demo payment provider takes to answer' }),
  PAYMENT_HOLD_MS: variable(count, {
    default: '30000',
    description:
      "how long a checkout's stock stays held when the payment provider never saw its payment (after a crash); then the order expires",
  }),
  RECOVERY_INTERVAL_MS: variable(count, {
    default: '2000',
    description: 'how often unsettled orders are settled by asking the payment provider (also once at start)',
  }),
  DRAIN_MS: variable(count, {
    default: '10000',
    description: 'on SIGTERM, how long checkouts already paying may take to finish before the server exits',
  }),
  RECONNECT_SECONDS: variable(count, {
    default: '8',
    description:
      "how long a dropped visitor's seat (avatar, place, session id) waits for their page to reconnect into it; then they leave the room",
  }),
  PROCESS_NAME: variable(text, {
    unset: "Colyseus's process id",
    description: 'the `process` label on every `/metrics` series, and the name `/health/live` and `/health/ready` answer with',
  }),
  STRIPE_SECRET_KEY: variable(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
      .optional(),
    {
      unset: 'unset (the demo provider)',
      description: 'take payments with Stripe (PaymentIntents) instead of the demo provider; see Payments with Stripe',
    },
  ),
  STRIPE_PUBLISHABLE_KEY: variable(StripePublishableKey.optional(), {
    unset: 'unset',
    description: "with `STRIPE_SECRET_KEY`: the key the page's Stripe Payment Element uses (`pk_…`)",
  }),
  SESSION_RATE_PER_MINUTE: variable(count, { default: '60', description: 'new sessions per IP per minute' }),
  API_RATE_PER_MINUTE: variable(count, { default: '600', description: 'cart and order calls per visitor per minute' }),
  MAX_CLIENTS_PER_ROOM: variable(count, {
    default: '100',
    description: 'visitors per room shard; the matchmaker opens another shard when one is full',
  }),
  MAX_ROOMS: variable(count, {
    default: '50',
    description: 'room shards this process opens at most; past it a matchmake that needs a new shard gets 503',
  }),
  LOG_LEVEL: variable(LogLevel, {
    default: 'info',
    description:
      'JSON log lines on stdout at this level and above: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`',
  }),
  MATCH_CONFIG: variable(file, {
    default: 'server/venue/match/demo/match.json',
    description: "the venue's match: sources per camera angle, captions, the timeline file (see Match screen)",
  }),
  EVENTS_FILE: variable(file, {
    default: 'server/db/seed/events.json',
    description:
      'launch events (shared/events.ts `EventsFile`): scheduled events and the demo loop (the default runs a demo launch 4 minutes after start, then every 15)',
  }),
  ADMIN_TOKEN: variable(text, {
    unset: 'unset (nobody can host)',
    description: 'the venue admin token; a session started with it is the match host',
  }),
  GROUP_BUY_WINDOW_MS: variable(count.optional(), {
    unset: "unset (the catalog's `windowMinutes`)",
    description: "replaces every group deal's window, e.g. `60000` for one-minute demo groups",
  }),
  ICE_SERVERS: variable(json(z.array(IceServer), 'a JSON array of RTCIceServer objects'), {
    default: '[]',
    description: 'voice: a JSON array of RTCIceServer (STUN/TURN) for visitors on different networks',
  }),
  STAGE_MEDIA_URL: variable(
    z
      .url()
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
    {
      unset: "unset (no media server: the host's browser sends to a few listeners directly)",
      description:
        "stage voice: a Janus server's HTTP API (e.g. `http://127.0.0.1:8088/janus`), reached by the server and by visitors' pages; see Stage voice",
    },
  ),
  STAGE_DIRECT_LISTENERS: variable(count.min(1, 'must be at least 1'), {
    default: '8',
    description:
      "stage voice without `STAGE_MEDIA_URL`: listeners the host's browser sends to directly (one Opus stream each on the host's uplink); see Stage voice",
  }),
  CHAT_BLOCKLIST_FILE: variable(file.optional(), {
    unset: 'unset',
    description: 'extra words the chat filter masks, one per line, any language',
  }),
  ALLOWED_ORIGINS: variable(list, {
    unset: 'unset (same-origin only)',
    description:
      'other origins (comma-separated, e.g. `https://shop.example`) whose pages may call the API; same-origin only by default',
  }),
  METRICS_TOKEN: variable(text, {
    unset: 'unset (`/metrics` is open)',
    description: '`GET /metrics` then needs `Authorization: Bearer <token>` (401 without it)',
  }),
  SMTP_URL: variable(text, {
    unset: 'unset (each mail is written to `DATA_DIR/outbox/*.eml`)',
    description: 'where receipts and refund mails go, e.g. `smtp://user:pass@mail.example:587` (`smtps://` for TLS)',
  }),
  MAIL_FROM: variable(z.string(), {
    default: 'Courtside <store@courtside.local>',
    description: 'the sender of receipts and refund mails',
  }),
  PUBLIC_URL: variable(
    z.url().transform((value) => value.replace(/\/+$/, '')),
    {
      default: 'http://localhost:2567',
      description: "the store's address as visitors reach it: the receipt's link to the order page starts with it",
    },
  ),
  REFUND_WINDOW_DAYS: variable(count, {
    default: '14',
    description: 'how many days after ordering a visitor may refund a paid order themselves (the venue admin always may)',
  }),
});

/** Everything the server reads from its environment, as the code uses it. */
export const ConfigFromEnv = Environment.superRefine((env, ctx) => {
  // NOTE: processes that share a venue must share its database; an embedded one is each process's own.
  if (env.REDIS_URL && !env.DATABASE_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_URL'],
      message: 'must be set with REDIS_URL (the processes share one database)',
    });
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_PUBLISHABLE_KEY)
    ctx.addIssue({ code: 'custom', path: ['STRIPE_PUBLISHABLE_KEY'], message: 'must be set with STRIPE_SECRET_KEY' });
}).transform((env) => ({
  port: env.PORT,
  dataDir: env.DATA_DIR,
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
  internalUrl: env.INTERNAL_URL ?? `http://127.0.0.1:${env.PORT}`,
  sessionSecret: env.SESSION_SECRET,
  venueName: env.VENUE_NAME,
  catalogFile: env.CATALOG_FILE,
  matchConfigFile: env.MATCH_CONFIG,
  eventsFile: env.EVENTS_FILE,
  adminToken: env.ADMIN_TOKEN,
  distDir: env.DIST_DIR,
  paymentDelayMs: env.PAYMENT_DELAY_MS,
  /** Stripe instead of the demo provider; `apiUrl` points the client elsewhere (tests: the stand-in). */
  stripe:
    env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY
      ? ({ secretKey: env.STRIPE_SECRET_KEY, publishableKey: env.STRIPE_PUBLISHABLE_KEY } as StripeConfig)
      : null,
  paymentHoldMs: env.PAYMENT_HOLD_MS,
  recoveryIntervalMs: env.RECOVERY_INTERVAL_MS,
  drainMs: env.DRAIN_MS,
  reconnectSeconds: env.RECONNECT_SECONDS,
  processName: env.PROCESS_NAME,
  sessionRatePerMinute: env.SESSION_RATE_PER_MINUTE,
  apiRatePerMinute: env.API_RATE_PER_MINUTE,
  maxClientsPerRoom: env.MAX_CLIENTS_PER_ROOM,
  maxRooms: env.MAX_ROOMS,
  logLevel: env.LOG_LEVEL,
  groupBuyWindowMs: env.GROUP_BUY_WINDOW_MS,
  iceServers: env.ICE_SERVERS,
  stageMediaUrl: env.STAGE_MEDIA_URL,
  stageDirectListeners: env.STAGE_DIRECT_LISTENERS,
  chatBlocklistFile: env.CHAT_BLOCKLIST_FILE,
  allowedOrigins: env.ALLOWED_ORIGINS,
  metricsToken: env.METRICS_TOKEN,
  smtpUrl: env.SMTP_URL,
  mailFrom: env.MAIL_FROM,
  publicUrl: env.PUBLIC_URL,
  refundWindowDays: env.REFUND_WINDOW_DAYS,
}));

export type Config = z.output<typeof ConfigFromEnv>;

/** The Stripe keys; `apiUrl` only from code (tests point the client at the local stand-in). */
export interface StripeConfig {
  secretKey: string;
  publishableKey: string;
  apiUrl?: string;
}
export type LogLevel = z.output<typeof LogLevel>;

/**
 * Reads the configuration from environment variables. A bad value stops the server naming the
 * variable and what is wrong, rather than running with a surprise.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigFromEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? 'invalid'}`);
}

/** The default configuration with some fields replaced (tests start from this). */
export function configWith(overrides: Partial<Config>, env: NodeJS.ProcessEnv = {}): Config {
  return { ...configFromEnv(env), ...overrides };
}
