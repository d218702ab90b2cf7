import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A Janus started for a test or a bench, on loopback and free ports. */
export interface RunningJanus {
  /** The WebSocket API (`ws://127.0.0.1:<port>`): what `STAGE_MEDIA_URL` is set to. */
  wsUrl: string;
  /** The plain HTTP API (`http://127.0.0.1:<port>/janus`). */
  httpUrl: string;
  /** Its ports: pass them to `startJanus` again to restart it at the same address. */
  ports: { ws: number; http: number };
  /** What Janus printed so far (for a failing test's message). */
  log(): string;
  stop(): Promise<void>;
}

const LIB = process.env.JANUS_LIB_DIR ?? '/usr/lib/x86_64-linux-gnu/janus';
const BIN = process.env.JANUS_BIN ?? 'janus';

/** A free TCP port on loopback (the kernel picks one; the tiny race until Janus binds it is accepted). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const OTHER_PLUGINS = [
  'duktape',
  'echotest',
  'lua',
  'nosip',
  'recordplay',
  'sip',
  'textroom',
  'videocall',
  'videoroom',
  'voicemail',
];
const OTHER_TRANSPORTS = ['mqtt', 'nanomsg', 'pfunix', 'rabbitmq'];
const so = (names: string[]) => names.map((n) => `libjanus_${n}.so`).join(',');

/**
 * The configuration files: only AudioBridge + Streaming and the HTTP + WebSocket transports, on
 * 127.0.0.1. NOTE: `ice_enforce_list = "lo"` makes Janus offer only its loopback candidate, which a
 * browser on the same machine reaches; Debian's default config advertises the machine's other
 * address. `ignore_mdns`: Chromium hides its host candidates behind `.local` names Janus would
 * otherwise try to resolve; the peer-reflexive candidate from the first check is enough on loopback.
 */
function configs(dir: string, ws: number, http: number, rtpFrom: number): Record<string, string> {
  return {
    'janus.jcfg': `general: {
  configs_folder = "${dir}"
  plugins_folder = "${LIB}/plugins"
  transports_folder = "${LIB}/transports"
  events_folder = "${LIB}/events"
  loggers_folder = "${LIB}/loggers"
  debug_level = 3
  session_timeout = 60
}
media: { rtp_port_range = "${rtpFrom}-${rtpFrom + 999}" }
nat: {
  ice_enforce_list = "lo"
  ignore_mdns = true
  nice_debug = false
}
plugins: { disable = "${so(OTHER_PLUGINS)}" }
transports: { disable = "${so(OTHER_TRANSPORTS)}" }
events: { broadcast = false }
loggers: { disable = "libjanus_jsonlog.so" }
`,
    'janus.transport.websockets.jcfg': `general: { json = "plain" ws = true ws_port = ${ws} ws_ip = "127.0.0.1" wss = false }
admin: { admin_ws = false admin_wss = false }
`,
    'janus.transport.http.jcfg': `general: { json = "plain" base_path = "/janus" http = true port = ${http} ip = "127.0.0.1" https = false }
admin: { admin_http = false admin_https = false }
cors: { }
`,
    'janus.plugin.audiobridge.jcfg': 'general: { }\n',
    'janus.plugin.streaming.jcfg': 'general: { }\n',
  };
}

async function ready(httpUrl: string, child: ChildProcess, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`janus exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${httpUrl}/info`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('janus did not answer /janus/info');
}

/**
 * Starts Debian's `janus` with a generated loopback configuration in a temp dir, waits until its
 * HTTP API answers, and returns its URLs (on `ports` when given, e.g. to restart one). Never
 * touches /etc/janus.
 */
export async function startJanus({
  limitMs = 20_000,
  ports,
}: {
  limitMs?: number;
  ports?: { ws: number; http: number };
} = {}): Promise<RunningJanus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'courtside-janus-'));
  const { ws, http } = ports ?? { ws: await freePort(), http: await freePort() };
  // NOTE: a different media port range per instance, so parallel test files do not collide.
  const rtpFrom = 20_000 + Math.floor(Math.random() * 40) * 1000;
  for (const [name, text] of Object.entries(configs(dir, ws, http, rtpFrom))) await writeFile(path.join(dir, name), text);
  const child = spawn(BIN, ['-F', dir, '-C', path.join(dir, 'janus.jcfg'), '-o'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const httpUrl = `http://127.0.0.1:${http}/janus`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await ready(httpUrl, child, limitMs);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${out}`);
  }
  return { wsUrl: `ws://127.0.0.1:${ws}`, httpUrl, ports: { ws, http }, log: () => out, stop };
}
