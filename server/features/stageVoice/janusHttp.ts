import { randomUUID } from 'node:crypto';

/** A Janus plugin's answer that is not a success (`error_code` and `error` from the plugin, or Janus's own). */
export class JanusError extends Error {
  readonly code: number | undefined;
  constructor(message: string, code?: number) {
    super(message);
    this.name = 'JanusError';
    this.code = code;
  }
}

interface JanusReply {
  janus: string;
  data?: { id: number };
  error?: { code: number; reason: string };
  plugindata?: { data: Record<string, unknown> & { error?: string; error_code?: number } };
}

/** One attached plugin handle: synchronous plugin requests (create, rtp_forward, exists…). */
export interface JanusHandle {
  request(body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** A Janus session over the HTTP API, for the server's own management requests. */
export interface JanusSession {
  attach(plugin: string): Promise<JanusHandle>;
  destroy(): Promise<void>;
}

/**
 * Talks to Janus's plain HTTP API (`POST {url}`, `{url}/{session}`, `{url}/{session}/{handle}`).
 * NOTE: not `janode`: it imports the native `unix-dgram` addon at load, and the build installed here
 * was compiled for another Node ABI ("NODE_MODULE_VERSION 115 … requires 137"), so importing janode
 * fails under Node 24. The server only makes synchronous management requests, which the HTTP API
 * answers in the POST's response; a session is made per use and destroyed after.
 */
export async function openJanusSession(url: string, timeoutMs = 5000): Promise<JanusSession> {
  const post = async (path: string, body: Record<string, unknown>): Promise<JanusReply> => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, transaction: randomUUID() }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const reply = (await res.json()) as JanusReply;
    if (reply.janus === 'error') throw new JanusError(reply.error?.reason ?? 'janus error', reply.error?.code);
    return reply;
  };
  const created = await post('', { janus: 'create' });
  const session = `/${created.data?.id}`;
  return {
    async attach(plugin) {
      const attached = await post(session, { janus: 'attach', plugin });
      const handle = `${session}/${attached.data?.id}`;
      return {
        async request(body) {
          const reply = await post(handle, { janus: 'message', body });
          const data = reply.plugindata?.data;
          if (!data) throw new JanusError(`no synchronous answer to "${String(body.request)}" (${reply.janus})`);
          if (data.error) throw new JanusError(data.error, data.error_code);
          return data;
        },
      };
    },
    async destroy() {
      await post(session, { janus: 'destroy' }).catch(() => undefined);
    },
  };
}
