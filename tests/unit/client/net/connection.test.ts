import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  type ClientMessageName,
  type ClientMessagePayload,
  ClientMessages,
  MSG,
  type ServerMessagePayload,
  TAKEN_OVER_CLOSE_CODE,
} from '../../../../shared/protocol.ts';
import type { ChatMessage } from '../../../../shared/together.ts';
import { API, IDEMPOTENCY_HEADER, type Order } from '../../../../shared/api.ts';
import { DEMO_PAY } from '../../../../shared/demoPay.ts';
import { createConnection } from '../../../../client/net/createConnection.ts';
import type { Connection } from '../../../../client/net/connection.ts';
import { createServerClock } from '../../../../client/net/serverClock.ts';
import { createAppStore, type AppStore } from '../../../../client/state/createAppStore.ts';
import { createLocalPlayer } from '../../../../client/state/localPlayer.ts';
import { createRemotePoses } from '../../../../client/state/remotePoses.ts';
import { type FakeRoom, joinedRooms } from '../support/fakeSdk.ts';
import { type FakeAnswer, fakeFetch, type SentRequest } from '../support/fakeFetch.ts';
import { CONTACT as contact } from '../../../support/contact.ts';

vi.mock('@colyseus/sdk', () => import('../support/fakeSdk.ts'));

interface App {
  store: AppStore;
  connection: Connection;
}

const apps: App[] = [];

/** One app as main.tsx makes it: a store and the connection made from it. */
function makeApp(host: string): App {
  const store = createAppStore();
  const connection = createConnection({
    store,
    remotePoses: createRemotePoses(),
    localPlayer: createLocalPlayer(),
    serverClock: createServerClock(),
    roomUrl: `ws://${host}.test`,
  });
  const app = { store, connection };
  apps.push(app);
  return app;
}

async function join(app: App): Promise<FakeRoom> {
  await app.connection.join();
  const room = joinedRooms.at(-1);
  if (!room) throw new Error('no room was joined');
  return room;
}

const chatLine = (text: string): ChatMessage => ({
  id: `m-${text}`,
  channel: 'arena',
  from: 'someone',
  name: 'Someone',
  color: '#336699',
  text,
  at: 1,
});
const arenaTexts = (app: App) => app.store.getState().chatMessages.arena.map((m) => m.text);

afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(apps.splice(0).map((app) => app.connection.leave()));
});

describe('one connection per app', () => {
  it('gives each app its own features: two apps side by side share no room, listener or sender', async () => {
    const a = makeApp('a');
    const b = makeApp('b');
    for (const part of ['room', 'errors', 'status', 'chat', 'squads', 'groupBuys', 'voice'] as const) {
      expect(a.connection[part]).not.toBe(b.connection[part]);
    }
    const roomA = await join(a);
    const roomB = await join(b);
    expect(roomA.url).toBe('ws://a.test');

    expect(a.connection.chat.send('arena', 'from a')).toBe(true);
    a.connection.chat.setTyping(true);
    expect(a.connection.squads.show('court-runner-2', 'red')).toBe(true);
    expect(roomA.sentOf(MSG.chat)).toEqual([{ channel: 'arena', text: 'from a' }]);
    expect(roomA.sentOf(MSG.squadShow)).toEqual([{ productId: 'court-runner-2', colourwayId: 'red' }]);
    // NOTE: joining sent the whole status at once; the typing change follows after the status gap.
    await vi.waitFor(() => expect(roomA.sentOf(MSG.status).at(-1)).toEqual({ typing: true, voice: false, speaking: false }));
    a.connection.chat.setTyping(false);
    await vi.waitFor(() => expect(roomA.sentOf(MSG.status).at(-1)).toEqual({ typing: false, voice: false, speaking: false }));
    expect(roomB.sentOf(MSG.chat)).toEqual([]);
    expect(roomB.sentOf(MSG.status)).toEqual([{ typing: false, voice: false, speaking: false }]);
    expect(roomB.sentOf(MSG.squadShow)).toEqual([]);

    roomB.deliver(MSG.chat, chatLine('to b'));
    expect(arenaTexts(b)).toEqual(['to b']);
    expect(arenaTexts(a)).toEqual([]);

    const heardA = vi.fn();
    const heardB = vi.fn();
    a.connection.voice.listen(heardA);
    b.connection.voice.listen(heardB);
    roomB.deliver(MSG.signal, { from: 'peer', kind: 'bye' });
    expect(heardB).toHaveBeenCalledWith({ from: 'peer', kind: 'bye' });
    expect(heardA).not.toHaveBeenCalled();
  });

  it('sends nothing before a room is joined, then sends the status set meanwhile on joining', async () => {
    const a = makeApp('a');
    expect(a.connection.chat.send('arena', 'too early')).toBe(false);
    expect(a.connection.squads.show('court-runner-2', 'red')).toBe(false);
    a.connection.status.set({ voice: true });
    const room = await join(a);
    expect(room.sentOf(MSG.chat)).toEqual([]);
    expect(room.sentOf(MSG.status)).toEqual([{ typing: false, voice: true, speaking: false }]);
  });

  it("keeps every listener across a rejoin, and the old room's messages no longer reach the app", async () => {
    const a = makeApp('a');
    const first = await join(a);
    await a.connection.leave();
    expect(first.handlers.size).toBe(0);
    const second = await join(a);
    second.deliver(MSG.chat, chatLine('after rejoin'));
    expect(arenaTexts(a)).toEqual(['after rejoin']);
    expect(a.connection.chat.send('arena', 'again')).toBe(true);
    expect(second.sentOf(MSG.chat)).toEqual([{ channel: 'arena', text: 'again' }]);
    expect(first.sentOf(MSG.chat)).toEqual([]);
  });
});

describe('server messages', () => {
  it('reach listeners only when their shared schema accepts them', async () => {
    const a = makeApp('a');
    const room = await join(a);
    room.deliver(MSG.chat, { ...chatLine('no sender'), from: undefined });
    room.deliver(MSG.chat, chatLine('fine'));
    room.deliver('nobody-knows-this', { text: 'ignored' });
    expect(arenaTexts(a)).toEqual(['fine']);

    const view: ServerMessagePayload<typeof MSG.squad> = { id: 'sq1', code: 'K7QX4M', members: [] };
    room.deliver(MSG.squad, view);
    expect(a.store.getState().squad).toEqual(view);
    room.deliver(MSG.squad, null);
    expect(a.store.getState().squad).toBeNull();
  });
});

describe('the one error path', () => {
  it('lets the chat word its own refusals and shows every other error as the notice, once', async () => {
    const a = makeApp('a');
    const room = await join(a);
    room.deliver(MSG.error, { code: 'chat_rejected', message: 'muted', type: MSG.chat });
    expect(a.store.getState().chatError).toBe('chat.reason.muted');
    expect(a.store.getState().notice).toBeNull();

    room.deliver(MSG.error, { code: 'rate_limited', message: 'slow down', type: MSG.reaction });
    expect(a.store.getState().chatError).toBe('chat.reason.rateLimited');
    expect(a.store.getState().notice).toBeNull();

    room.deliver(MSG.error, { code: 'forbidden', message: 'host only', type: MSG.matchControl });
    expect(a.store.getState().notice).toEqual({ key: 'errors.forbidden' });
    expect(a.store.getState().chatError).toBe('chat.reason.rateLimited');

    room.deliver(MSG.error, { nonsense: true });
    expect(a.store.getState().notice).toEqual({ key: 'errors.internal' });
  });

  it('hands a claimed code to its feature instead of the notice, in that app only', async () => {
    const a = makeApp('a');
    const b = makeApp('b');
    const roomA = await join(a);
    const roomB = await join(b);
    const limited = vi.fn();
    a.connection.errors.claim({ code: 'rate_limited' }, limited);
    const error = { code: 'rate_limited', message: 'pose updates above 25/s are dropped', type: MSG.pose };
    roomA.deliver(MSG.error, error);
    roomB.deliver(MSG.error, error);
    expect(limited).toHaveBeenCalledExactlyOnceWith(error);
    expect(a.store.getState().notice).toBeNull();
    expect(b.store.getState().notice).toEqual({ key: 'errors.rate_limited' });
  });
});

/** One valid payload of every client message (each checked against its schema below). */
const samples: { [K in ClientMessageName]: ClientMessagePayload<K> } = {
  [MSG.pose]: { x: 120, y: 165, z: -340, yaw: 1000, pitch: -200 },
  [MSG.time]: { t: 1234.5 },
  [MSG.matchControl]: { action: 'seek', positionMs: 60_000 },
  [MSG.chat]: { channel: 'squad', text: '这双不错 🔥' },
  [MSG.reaction]: { emoji: '🏀' },
  [MSG.status]: { typing: false, voice: true, speaking: true },
  [MSG.signal]: { to: 'session-9', kind: 'candidate', candidate: 'candidate:1 1 udp', sdpMid: null, sdpMLineIndex: 0 },
  [MSG.avatar]: { name: 'Ada', color: '#336699', jerseyColor: '#aa0000', jerseyNumber: 23, tryOn: null },
  [MSG.squadShow]: { productId: 'court-runner-2', colourwayId: 'red' },
  [MSG.moderate]: { action: 'mute', target: 'session-9' },
  [MSG.hostPhase]: { eventId: 'court-runner-3', phase: 'reveal' },
  [MSG.qnaAsk]: { eventId: 'court-runner-3', text: 'Will it come in wide sizes?' },
  [MSG.qnaVote]: { eventId: 'court-runner-3', questionId: 'AbCdEfGh12345678' },
  [MSG.pollVote]: { eventId: 'court-runner-3', pollId: 'AbCdEfGh12345678', option: 1 },
  [MSG.qnaHost]: { eventId: 'court-runner-3', action: 'openPoll', question: 'Which colour?', options: ['Black', 'Red'] },
  [MSG.stageSignal]: { kind: 'offer', eventId: 'court-runner-3', to: 'session-9', sdp: 'v=0\r\n' },
};

describe('the typed send', () => {
  it('takes everything each message schema accepts', () => {
    type Accepts = {
      [K in ClientMessageName]: z.input<(typeof ClientMessages)[K]> extends ClientMessagePayload<K> ? true : false;
    };
    expectTypeOf<Accepts>().toEqualTypeOf<{ [K in ClientMessageName]: true }>();
  });

  it('puts every valid client message on the wire unchanged', async () => {
    const a = makeApp('a');
    const room = await join(a);
    const names = Object.keys(ClientMessages) as ClientMessageName[];
    expect(Object.keys(samples).sort()).toEqual([...names].sort());
    const sendOne = <K extends ClientMessageName>(name: K) => {
      expect(ClientMessages[name].safeParse(samples[name]).success).toBe(true);
      return a.connection.room.send(name, samples[name]);
    };
    for (const name of names) {
      expect(sendOne(name)).toBe(true);
      expect(room.sentOf(name).at(-1)).toEqual(samples[name]);
    }
  });
});

describe('checkout', () => {
  const line = { productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 1 };
  const card = { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' };
  const order = (status: Order['status']): Order => ({
    id: 'ord_1',
    number: 'CS-8K2M4Q',
    status,
    currency: 'USD',
    lines: [{ ...line, unitPrice: 12900, lineTotal: 12900 }],
    total: 12900,
    email: null,
    shipping: null,
    totals: null,
    createdAt: '2026-03-01T12:00:00.000Z',
  });
  /** The demo provider (tokens pm_test_1, pm_test_2… from `firstToken` on) and the store, whose order routes `orders` answers. */
  const server = (orders: (request: SentRequest, n: number) => FakeAnswer, firstToken = 1) => {
    let tokens = firstToken - 1;
    let n = 0;
    return fakeFetch((request) => {
      if (request.url === DEMO_PAY.paymentMethods)
        return { status: 201, body: { id: `pm_test_${++tokens}`, brand: 'visa', last4: '4242', expMonth: 12, expYear: 2031 } };
      if (request.url === API.cart) return { status: 200, body: { lines: [], version: 2 } };
      return orders(request, n++);
    });
  };
  const appWithCart = () => {
    const app = makeApp('a');
    app.store.setState({ token: 'visitor-token' });
    app.store.getState().setCart({ lines: [line], version: 7 });
    return app;
  };
  const orderPosts = (sent: SentRequest[]) => sent.filter((r) => r.url === API.orders && r.method === 'POST');

  it('hands the card to the payment provider only, orders with its token, and waits out an authorizing payment', async () => {
    const app = appWithCart();
    const { sent } = server((request, n) =>
      request.method === 'POST'
        ? { status: 202, body: order('authorizing') }
        : { status: 200, body: order(n < 3 ? 'authorizing' : 'paid') },
    );
    const placed = await app.connection.checkout(card, contact, 'key-00000001');
    expect(placed.status).toBe('paid');
    expect(app.store.getState().lastOrder?.status).toBe('paid');
    expect(app.store.getState().orders.map((o) => o.status)).toEqual(['paid']);

    const [tokenize, post] = sent;
    expect(tokenize).toMatchObject({ url: DEMO_PAY.paymentMethods, method: 'POST', body: card });
    expect(tokenize!.headers.Authorization).toBeUndefined();
    expect(post).toMatchObject({ url: API.orders, method: 'POST' });
    expect(post!.body).toEqual({
      currency: 'USD',
      cartVersion: 7,
      payment: { method: 'card', paymentMethod: 'pm_test_1' },
      ...contact,
    });
    expect(JSON.stringify(post!.body)).not.toContain(card.number);
    expect(post!.headers[IDEMPOTENCY_HEADER]).toBe('key-00000001');
    expect(sent.filter((r) => r.url === `${API.orders}/ord_1`).map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  }, 10_000);

  it('retries an attempt with the same key and the same token, so the server can answer with the first result', async () => {
    const app = appWithCart();
    // NOTE: the client sends a 502 again by itself; three in a row end the attempt.
    const failing = server(() => ({ status: 502 }));
    await expect(app.connection.checkout(card, contact, 'key-00000002')).rejects.toMatchObject({ status: 502 });
    expect(orderPosts(failing.sent).map((r) => r.body)).toEqual(Array(3).fill(orderPosts(failing.sent)[0]!.body));

    const again = server(() => ({ status: 201, body: order('paid') }), 2);
    await app.connection.checkout(card, contact, 'key-00000002');
    expect(again.sent.filter((r) => r.url === DEMO_PAY.paymentMethods)).toEqual([]);
    expect(orderPosts(again.sent).map((r) => r.body)).toEqual([orderPosts(failing.sent)[0]!.body]);

    // The attempt is over: a new one (new key) gets a new token.
    const next = server(() => ({ status: 201, body: order('paid') }), 2);
    await app.connection.checkout(card, contact, 'key-00000003');
    expect((orderPosts(next.sent)[0]!.body as { payment: unknown }).payment).toEqual({
      method: 'card',
      paymentMethod: 'pm_test_2',
    });
  }, 10_000);

  it('sends no order for a card the provider refused', async () => {
    const app = appWithCart();
    const { sent } = fakeFetch(() => ({
      status: 400,
      body: { error: { code: 'bad_request', message: 'card number is not valid' } },
    }));
    await expect(app.connection.checkout({ ...card, number: '4242424242424241' }, contact, 'key-00000004')).rejects.toMatchObject(
      {
        name: 'CardRejectedError',
        message: 'card number is not valid',
      },
    );
    expect(sent.map((r) => r.url)).toEqual([DEMO_PAY.paymentMethods]);
  });

  it('on cart_changed takes the fresh cart from the answer and sends no order again', async () => {
    const app = appWithCart();
    const fresh = { lines: [{ ...line, quantity: 2 }], version: 9 };
    const { sent } = server(() => ({
      status: 409,
      body: { error: { code: 'cart_changed', message: 'your cart changed', cart: fresh } },
    }));
    await expect(app.connection.checkout(card, contact, 'key-00000005')).rejects.toMatchObject({ code: 'cart_changed' });
    expect(app.store.getState().cartLines).toEqual(fresh.lines);
    expect(app.store.getState().cartVersion).toBe(9);
    expect(orderPosts(sent)).toHaveLength(1);
  });

  it('reads the cart again after a declined order (placing it moved the cart version on)', async () => {
    const app = appWithCart();
    server((request) =>
      request.method === 'POST'
        ? { status: 402, body: { error: { code: 'payment_declined', message: 'declined' }, order: order('declined') } }
        : { status: 200, body: order('declined') },
    );
    await app.connection.checkout(card, contact, 'key-00000006');
    expect(app.store.getState().cartVersion).toBe(2);
  });
});

describe('one cart and one presence per visitor', () => {
  const line = { productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 1 };

  it("takes the cart the room sends when it changed in the visitor's other tab or device", async () => {
    const app = makeApp('a');
    app.store.getState().setCart({ lines: [], version: 3 });
    const room = await join(app);
    room.deliver(MSG.cart, { lines: [line], version: 4 });
    expect(app.store.getState().cartLines).toEqual([line]);
    expect(app.store.getState().cartVersion).toBe(4);
  });

  it('taken over by another tab: says so, stays out (no rejoin), and takes the arena back only when asked', async () => {
    const app = makeApp('a');
    app.store.setState({ token: 'visitor-token' });
    fakeFetch((request) => (request.url === API.cart ? { status: 200, body: { lines: [line], version: 8 } } : { status: 404 }));
    const room = await join(app);
    const joinedBefore = joinedRooms.length;
    room.deliver(MSG.takenOver, { reason: 'another_tab' });
    room.closedByServer(TAKEN_OVER_CLOSE_CODE);
    expect(app.store.getState().takenOver).toBe(true);
    // NOTE: 'offline', not 'lost': the link is not scheduling a rejoin that would take the other tab's place back.
    expect(app.store.getState().connection).toBe('offline');
    expect(joinedRooms.length).toBe(joinedBefore);

    await app.connection.join();
    expect(joinedRooms.length).toBe(joinedBefore + 1);
    expect(app.store.getState().takenOver).toBe(false);
    // The cart changed in the other tab meanwhile: it is read again.
    expect(app.store.getState().cartVersion).toBe(8);
  });

  it("a draining server's `moving`: leaves, joins again (any shard) within the spread, and reads the cart again", async () => {
    vi.useFakeTimers();
    try {
      const app = makeApp('a');
      app.store.setState({ token: 'visitor-token' });
      fakeFetch((request) => (request.url === API.cart ? { status: 200, body: { lines: [line], version: 9 } } : { status: 404 }));
      const room = await join(app);
      expect(room.reconnection).toMatchObject({ maxRetries: 4, maxDelay: 2000, minUptime: 1000 });
      const joinedBefore = joinedRooms.length;
      room.deliver(MSG.moving, { reason: 'drain', spreadMs: 2000 });
      expect(room.left).toBe(true);
      expect(app.store.getState().connection).toBe('lost');
      await vi.advanceTimersByTimeAsync(2000);
      expect(joinedRooms.length).toBe(joinedBefore + 1);
      expect(app.store.getState().connection).toBe('online');
      expect(app.store.getState().cartVersion).toBe(9);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a join asked for while a rejoin waits replaces it: one room, not two', async () => {
    vi.useFakeTimers();
    try {
      const app = makeApp('a');
      app.store.setState({ token: 'visitor-token' });
      fakeFetch(() => ({ status: 404 }));
      const room = await join(app);
      const joinedBefore = joinedRooms.length;
      room.deliver(MSG.moving, { reason: 'drain', spreadMs: 2000 });
      await app.connection.join();
      await vi.advanceTimersByTimeAsync(5000);
      expect(joinedRooms.length).toBe(joinedBefore + 1);
      expect(joinedRooms.filter((r) => !r.left)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('launch events', () => {
  const event = {
    id: 'court-runner-3',
    title: { en: 'Court Runner 3', 'zh-CN': '疾风 3' },
    summary: { en: 'The third one', 'zh-CN': '第三代' },
    heroProductId: 'court-runner-2',
    heroColourwayId: 'red',
    startsAt: '2026-12-07T21:00:00.000Z',
    endsAt: '2026-12-07T22:00:00.000Z',
    countdownMs: 300_000,
    revealMs: 20_000,
    livePrices: [],
    phase: 'countdown',
  };

  it("loads the list into the store, and the answer's server time sets the server clock before any room is joined", async () => {
    let local = 1_000_000;
    const serverClock = createServerClock(() => local);
    const store = createAppStore();
    const connection = createConnection({
      store,
      remotePoses: createRemotePoses(),
      localPlayer: createLocalPlayer(),
      serverClock,
      roomUrl: 'ws://events.test',
    });
    // The server's clock runs 5 s ahead; the answer takes 40 ms and is stamped halfway.
    const { sent } = fakeFetch(() => {
      local += 40;
      return { status: 200, body: { serverTime: local - 20 + 5_000, events: [event] } };
    });
    await connection.loadEvents();
    expect(sent.map((r) => r.url)).toEqual([API.events]);
    expect(store.getState().events?.map((e) => e.id)).toEqual(['court-runner-3']);
    expect(serverClock.offset()).toBe(5_000);
    expect(serverClock.now()).toBe(local + 5_000);
  });

  it('refuses an answer that is not an events list, and leaves the store as it was', async () => {
    const { connection, store } = makeApp('events-bad');
    fakeFetch(() => ({ status: 200, body: { serverTime: 1, events: [{ ...event, phase: 'party' }] } }));
    await expect(connection.loadEvents()).rejects.toMatchObject({ code: 'bad_response' });
    expect(store.getState().events).toBeNull();
  });
});
