/**
 * A stand-in for `@colyseus/sdk` (used through `vi.mock`): `joinOrCreate` hands out fake rooms that
 * record what is sent and let a test deliver server messages, so the client's net code runs whole
 * with no server.
 */
type Handler = (...args: unknown[]) => void;

/** One joined fake room: `sent` is the wire out, `deliver` plays a server message in. */
export class FakeRoom {
  readonly sent: Array<{ type: string | number; payload: unknown }> = [];
  readonly handlers = new Map<string | number, Handler>();
  left = false;
  /** The SDK's reconnection options, at its defaults until the room link sets its own. */
  readonly reconnection = { enabled: true, maxRetries: 15, delay: 100, minDelay: 100, maxDelay: 5000, minUptime: 5000 };
  readonly sessionId: string;
  readonly url: string;
  constructor(sessionId: string, url: string) {
    this.sessionId = sessionId;
    this.url = url;
  }
  send(type: string | number, payload: unknown): void {
    this.sent.push({ type, payload });
  }
  /** What went out under one message type, in order. */
  sentOf(type: string): unknown[] {
    return this.sent.filter((m) => m.type === type).map((m) => m.payload);
  }
  onMessage(type: string | number, handler: Handler): () => void {
    this.handlers.set(type, handler);
    return () => this.handlers.delete(type);
  }
  /** Dispatches as the SDK does: a handler for the type, else the `*` handler with the type first. */
  deliver(type: string, payload: unknown): void {
    const own = this.handlers.get(type);
    if (own) own(payload);
    else this.handlers.get('*')?.(type, payload);
  }
  onDrop(): void {}
  onReconnect(): void {}
  #onLeave: (code: number) => void = () => {};
  onLeave(handler: (code: number) => void): void {
    this.#onLeave = handler;
  }
  /** The server closes this connection with a close code (as the SDK reports it to `onLeave`). */
  closedByServer(code: number): void {
    this.left = true;
    this.#onLeave(code);
  }
  /** Leaves as the SDK does: the socket closes, and `onLeave` hears the consented code. */
  async leave(): Promise<void> {
    this.left = true;
    this.#onLeave(4000);
  }
}

/** Every room joined so far, oldest first. */
export const joinedRooms: FakeRoom[] = [];
let sessions = 0;

export class Client {
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  async joinOrCreate(_name: string, _options: unknown): Promise<FakeRoom> {
    const room = new FakeRoom(`session-${++sessions}`, this.url);
    joinedRooms.push(room);
    return room;
  }
}

const off = () => () => undefined;
/** State callbacks that never fire: these tests are about messages, not schema state. */
export const Callbacks = { get: () => ({ onAdd: off, onRemove: off, onChange: off, listen: off }) };
