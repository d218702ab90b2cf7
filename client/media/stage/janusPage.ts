/** A description Janus sends or takes (`jsep`). */
export interface Jsep {
  type: 'offer' | 'answer';
  sdp: string;
}

/** A plugin's asynchronous event: its data, and a description when it carries one. */
export interface JanusEvent {
  data: Record<string, unknown>;
  jsep?: Jsep;
}

/** One plugin handle on the page's Janus session. */
export interface JanusPageHandle {
  /**
   * Sends a request (with a description) and waits for the plugin's event in answer (the first one
   * `accept` takes: other events of the handle, like a room's participant list, are passed over);
   * a plugin error rejects.
   */
  ask(body: Record<string, unknown>, jsep?: Jsep, accept?: (event: JanusEvent) => boolean): Promise<JanusEvent>;
}

/** The page's session with Janus (HTTP API, long poll). */
export interface JanusPageSession {
  attach(plugin: string): Promise<JanusPageHandle>;
  close(): void;
}

interface Reply {
  janus: string;
  sender?: number;
  data?: { id: number };
  error?: { reason: string };
  plugindata?: { data: Record<string, unknown> };
  jsep?: Jsep;
}

const transaction = () => Math.random().toString(36).slice(2, 14);

/**
 * Opens a session on Janus's HTTP API at `server` and long-polls its events. NOTE: plain WebRTC
 * against the documented HTTP API instead of `janus-gateway` (janus.js): the page needs four
 * requests (create, attach, message, poll), and janus.js would add its UMD wrapper, webrtc-adapter
 * and globals to the voice chunk for them. A long poll also keeps the session alive.
 */
export async function openJanusPageSession(server: string): Promise<JanusPageSession> {
  const post = async (path: string, body: Record<string, unknown>): Promise<Reply> => {
    const res = await fetch(`${server}${path}`, {
      method: 'POST',
      body: JSON.stringify({ ...body, transaction: transaction() }),
    });
    const reply = (await res.json()) as Reply;
    if (reply.janus === 'error') throw new Error(`janus: ${reply.error?.reason ?? 'error'}`);
    return reply;
  };
  const session = `/${(await post('', { janus: 'create' })).data?.id}`;
  const waiting = new Map<number, { accept(e: JanusEvent): boolean; resolve(e: JanusEvent): void; reject(err: Error): void }>();
  let open = true;

  const deliver = (reply: Reply) => {
    const waiter = reply.sender === undefined ? undefined : waiting.get(reply.sender);
    if (reply.janus !== 'event' || !waiter || !reply.plugindata) return;
    const data = reply.plugindata.data;
    const event: JanusEvent = { data, ...(reply.jsep ? { jsep: reply.jsep } : {}) };
    if (typeof data.error !== 'string' && !waiter.accept(event)) return;
    waiting.delete(reply.sender as number);
    if (typeof data.error === 'string') waiter.reject(new Error(`janus: ${data.error}`));
    else waiter.resolve(event);
  };
  const poll = async () => {
    while (open) {
      try {
        const res = await fetch(`${server}${session}?maxev=5&rid=${Date.now()}`);
        const got = (await res.json()) as Reply | Reply[];
        for (const reply of Array.isArray(got) ? got : [got]) deliver(reply);
      } catch {
        // NOTE: a dropped poll (network blip) is retried; Janus keeps queued events for the session.
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  void poll();

  return {
    async attach(plugin) {
      const id = (await post(session, { janus: 'attach', plugin })).data?.id ?? 0;
      return {
        ask(body, jsep, accept = () => true) {
          const answer = new Promise<JanusEvent>((resolve, reject) => waiting.set(id, { accept, resolve, reject }));
          post(`${session}/${id}`, { janus: 'message', body, ...(jsep ? { jsep } : {}) }).catch((err: Error) =>
            waiting.get(id)?.reject(err),
          );
          return answer;
        },
      };
    },
    close() {
      open = false;
      for (const w of waiting.values()) w.reject(new Error('janus: session closed'));
      void post(session, { janus: 'destroy' }).catch(() => undefined);
    },
  };
}
