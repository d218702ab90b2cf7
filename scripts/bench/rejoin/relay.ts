import net from 'node:net';

/** A TCP relay in front of a server, whose connections can all be cut at once (a network drop). */
export interface Relay {
  port: number;
  /** Destroys every relayed connection on both sides without a close handshake; new ones still pass. */
  cutAll(): void;
  close(): void;
}

/** Relays 127.0.0.1:<free port> to 127.0.0.1:`targetPort`. */
export function startRelay(targetPort: number): Promise<Relay> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [inbound, outbound];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        cutAll() {
          for (const [inbound, outbound] of [...pairs]) {
            // NOTE: a reset, not a FIN: neither end gets a WebSocket close frame, as when Wi-Fi dies.
            inbound.resetAndDestroy();
            outbound.resetAndDestroy();
          }
          pairs.clear();
        },
        close() {
          for (const [inbound, outbound] of pairs) {
            inbound.destroy();
            outbound.destroy();
          }
          server.close();
        },
      });
    });
  });
}
