import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A connect-style step on Node's own request and response (helmet and pino-http are these). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Runs the steps in order; a step that answers (and does not call `next`) ends the chain. */
export function chain(steps: Middleware[], onError: (err: unknown, res: ServerResponse) => void): Middleware {
  return (req, res, done) => {
    const run = (i: number, err?: unknown): void => {
      const step = steps[i];
      if (err !== undefined) onError(err, res);
      else if (!step) done();
      else
        try {
          step(req, res, (e) => run(i + 1, e));
        } catch (e) {
          onError(e, res);
        }
    };
    run(0);
  };
}

/**
 * Puts `edge` in front of every request the HTTP server hands out: the matchmaker's and express's.
 * NOTE: Colyseus answers `/matchmake/*` from its own 'request' listener, prepended at `listen()` ahead
 * of express, and reads the body there with no size limit (better-call's `getRequest`). So the body
 * limit, the headers and the request log cannot be express middleware; this runs them first, then
 * hands the request to the listeners Colyseus installed, as its own `prereadRequestBodies` does.
 * Call it once, right after `listen()` resolved (no request is handled before then).
 */
export function fenceRequests(server: Server, edge: Middleware): void {
  const inner = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    edge(req, res, () => {
      for (const listener of inner) listener.call(server, req, res);
    });
  });
}
