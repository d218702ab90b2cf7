import http from 'node:http';

/**
 * One JSON request over a kept-alive connection. NOTE: no socket limit: 5,000 entrants each hold a
 * long-poll open until the draw, and a pool of 256 would queue most of them behind the others.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

export interface Reply {
  status: number;
  body: unknown;
  /** When the last byte arrived (ms since the epoch, this machine's clock, which the server shares). */
  at: number;
}

export function send(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      baseUrl + path,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const at = Date.now();
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, at });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Runs `task` over `items`, at most `width` at a time. */
export async function pooled<T, R>(items: readonly T[], width: number, task: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await task(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}
