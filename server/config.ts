import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IceServer } from '../shared/voice.ts';

/** Everything the server reads from its environment, with the defaults a laptop needs. */
export interface Config {
  port: number;
  /** Where the embedded database (and anything else on disk) lives. */
  dataDir: string;
  /** A PostgreSQL URL; unset means embedded PGlite in `dataDir/pglite`. */
  databaseUrl: string | undefined;
  /** HS256 secret for visitor tokens; unset means one generated once and kept in the database. */
  sessionSecret: string | undefined;
  /** Overrides the catalog's venue name. */
  venueName: string | undefined;
  /** Path of the catalog + initial stock data file. */
  catalogFile: string;
  /** Path of the venue's match configuration (sources, captions, the timeline file next to it). */
  matchConfigFile: string;
  /** Venue admin token: a session that presents it becomes the match host. Unset means nobody can. */
  adminToken: string | undefined;
  /** Built client served at `/`. */
  distDir: string;
  /** How long the demo payment provider "thinks" before answering. */
  paymentDelayMs: number;
  /** `POST /api/session` calls allowed per IP per minute. */
  sessionRatePerMinute: number;
  /** Cart and order calls allowed per visitor per minute. */
  apiRatePerMinute: number;
  /** Players per room shard. */
  maxClientsPerRoom: number;
  /** Log requests and lifecycle events. */
  log: boolean;
  /** Replaces every group deal's window (env GROUP_BUY_WINDOW_MS; tests and demos use seconds). Unset: the catalog's minutes. */
  groupBuyWindowMs: number | undefined;
  /** ICE servers for voice (env ICE_SERVERS, a JSON array of RTCIceServer); [] = host candidates only. */
  iceServers: IceServer[];
  /** Extra words the chat filter masks, in any language (env CHAT_BLOCKLIST_FILE: one per line). */
  chatBlocklist: string[];
}

const serverDir = import.meta.dirname;
const projectDir = path.resolve(serverDir, '..');

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Parses ICE_SERVERS; a bad value stops the server with the reason rather than breaking voice quietly. */
function iceServersFrom(value: string | undefined): IceServer[] {
  if (value === undefined || value.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error('ICE_SERVERS must be a JSON array of RTCIceServer objects');
  }
  const parsed = z.array(IceServer).safeParse(json);
  if (!parsed.success) throw new Error(`ICE_SERVERS: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/**
 * Reads a blocklist file: one word or phrase per line; blank lines and lines starting with `#` are
 * skipped. A file that cannot be read stops the server with its path, rather than running unfiltered.
 */
export function readBlocklist(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`CHAT_BLOCKLIST_FILE ${file}: ${(e as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Reads the configuration from environment variables (defaults in brackets in the README). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT, 2567, 'PORT'),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: optional(env.DATABASE_URL),
    sessionSecret: optional(env.SESSION_SECRET),
    venueName: optional(env.VENUE_NAME),
    catalogFile: path.resolve(env.CATALOG_FILE ?? path.join(serverDir, 'db/seed/catalog.json')),
    matchConfigFile: path.resolve(env.MATCH_CONFIG ?? path.join(serverDir, 'venue/match/demo/match.json')),
    adminToken: optional(env.ADMIN_TOKEN),
    distDir: path.resolve(env.DIST_DIR ?? path.join(projectDir, 'dist')),
    paymentDelayMs: intFrom(env.PAYMENT_DELAY_MS, 150, 'PAYMENT_DELAY_MS'),
    sessionRatePerMinute: intFrom(env.SESSION_RATE_PER_MINUTE, 60, 'SESSION_RATE_PER_MINUTE'),
    apiRatePerMinute: intFrom(env.API_RATE_PER_MINUTE, 600, 'API_RATE_PER_MINUTE'),
    maxClientsPerRoom: intFrom(env.MAX_CLIENTS_PER_ROOM, 100, 'MAX_CLIENTS_PER_ROOM'),
    log: env.LOG !== '0',
    groupBuyWindowMs: env.GROUP_BUY_WINDOW_MS ? intFrom(env.GROUP_BUY_WINDOW_MS, 0, 'GROUP_BUY_WINDOW_MS') : undefined,
    iceServers: iceServersFrom(env.ICE_SERVERS),
    chatBlocklist: env.CHAT_BLOCKLIST_FILE ? readBlocklist(path.resolve(env.CHAT_BLOCKLIST_FILE)) : [],
  };
}

/** The default configuration with some fields replaced (tests start from this). */
export function configWith(overrides: Partial<Config>, env: NodeJS.ProcessEnv = {}): Config {
  return { ...configFromEnv(env), ...overrides };
}
