import { matchMaker } from '@colyseus/core';
import { WebSocketTransport, type TransportOptions } from '@colyseus/ws-transport';
import type { Log } from '../ops/logger.ts';

/**
 * Turns off Colyseus's own CORS, which answers every route with the caller's Origin and
 * `Allow-Credentials: true`; server/edge/cors.ts decides instead. The controller is process-wide,
 * and every Courtside in the process wants the same.
 */
export function disableColyseusCors(): void {
  const defaults = matchMaker.controller.DEFAULT_CORS_HEADERS;
  for (const name of Object.keys(defaults)) Reflect.deleteProperty(defaults, name);
  matchMaker.controller.getCorsHeaders = () => ({});
}

/**
 * The WebSocket transport, logging a socket's errors as one line. NOTE: Colyseus logs them with their
 * stack, and ws raises them for any client's oversized or malformed frames: anyone could fill the
 * logs with stack traces. Colyseus adds its listener first thing on 'connection'; this one runs next
 * and replaces it.
 */
export class QuietWebSocketTransport extends WebSocketTransport {
  constructor(options: TransportOptions, log: Log) {
    super(options);
    this.wss.on('connection', (socket) => {
      socket.removeAllListeners('error');
      socket.on('error', (err: Error & { code?: string }) => {
        log.info({ code: err.code }, `websocket closed: ${err.message}`);
      });
    });
  }
}
