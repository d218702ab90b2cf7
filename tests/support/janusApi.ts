import { randomUUID } from 'node:crypto';

/** One asynchronous plugin event as Janus's long poll delivers it. */
export interface JanusEvent {
  janus: string;
  sender?: number;
  plugindata?: { data: Record<string, unknown> };
  jsep?: { type: string; sdp: string };
}

/** A handle used the way a page would: send a request, then wait for its event. */
export interface JanusTestHandle {
  /** Sends `body` (and `jsep`) and waits for the plugin's asynchronous event in answer. */
  ask(body: Record<string, unknown>, jsep?: { type: string; sdp: string }): Promise<JanusEvent>;
}

/**
 * A tiny client of Janus's HTTP API for tests: a session with a long-poll loop and handles whose
 * asynchronous answers (join, watch) are awaited. It plays what a visitor's page could send.
 */
export async function janusTestSession(
  url: string,
): Promise<{ attach(plugin: string): Promise<JanusTestHandle>; close(): Promise<void> }> {
  const post = async (path: string, body: Record<string, unknown>) =>
    (await (
      await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify({ ...body, transaction: randomUUID() }) })
    ).json()) as {
      janus: string;
      data?: { id: number };
    };
  const session = `/${(await post('', { janus: 'create' })).data?.id}`;
  const waiting = new Map<number, (event: JanusEvent) => void>();
  let open = true;
  const poll = async () => {
    while (open) {
      const events = (await (await fetch(`${url}${session}?maxev=10`)).json().catch(() => [])) as JanusEvent | JanusEvent[];
      for (const event of Array.isArray(events) ? events : [events]) {
        if (event.janus === 'event' && event.sender !== undefined) waiting.get(event.sender)?.(event);
      }
    }
  };
  void poll().catch(() => undefined);
  return {
    async attach(plugin) {
      const id = (await post(session, { janus: 'attach', plugin })).data?.id ?? 0;
      return {
        ask(body, jsep) {
          const answer = new Promise<JanusEvent>((resolve) => waiting.set(id, resolve));
          void post(`${session}/${id}`, { janus: 'message', body, ...(jsep ? { jsep } : {}) });
          return answer;
        },
      };
    },
    async close() {
      open = false;
      await post(session, { janus: 'destroy' }).catch(() => undefined);
    },
  };
}
