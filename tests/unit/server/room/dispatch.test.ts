import { describe, expect, it } from 'vitest';
import type { Visitor } from '../../../../shared/api.ts';
import { ClientMessages, ErrorCode, MSG } from '../../../../shared/protocol.ts';
import { Player } from '../../../../shared/state.ts';
import { ARENA_FEATURES } from '../../../../server/room/ArenaRoom.ts';
import { dispatch, dropRates, messageTable } from '../../../../server/room/dispatch.ts';
import type { ArenaClient, FeatureHooks, RoomParts } from '../../../../server/room/feature.ts';
import { createSession, ERROR_REPLY_RATE } from '../../../../server/room/session.ts';

const visitor: Visitor = { id: 'v_1', role: 'visitor', name: 'Ann', color: '#ff0000', locale: 'en', currency: 'USD' };

/** A client that records what it was sent. */
function fakeClient() {
  const sent: { type: string; payload: unknown }[] = [];
  const client = { sessionId: 's1', auth: visitor, send: (type: string, payload: unknown) => sent.push({ type, payload }) };
  return { client: client as unknown as ArenaClient, sent };
}

const pose = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
const feature = (hooks: FeatureHooks) => hooks;

describe('the room message table', () => {
  it('has exactly one handler for every client message, from the arena features', () => {
    // NOTE: the factories only close over the room's parts; nothing is touched until onCreate.
    const parts = { deps: {}, state: {}, events: { on: () => () => {} } } as unknown as RoomParts;
    const table = messageTable(ARENA_FEATURES.map((f) => f(parts)));
    expect(Object.keys(table).sort()).toEqual(Object.keys(ClientMessages).sort());
  });

  it('refuses two features handling one message, and a message nobody handles', () => {
    const all = Object.fromEntries(Object.keys(ClientMessages).map((type) => [type, () => undefined]));
    expect(() => messageTable([feature({ messages: all }), feature({ messages: { [MSG.pose]: () => undefined } })])).toThrow(
      /two room features handle "pose"/,
    );
    const { [MSG.chat]: _chat, ...allButChat } = all;
    expect(() => messageTable([feature({ messages: allButChat })])).toThrow(/no room feature handles "chat"/);
  });
});

describe('dispatch', () => {
  const applied: unknown[] = [];
  const hooks = feature({
    dropAbove: { [MSG.pose]: { perSecond: 2, burst: 2, notice: 'too many poses' } },
    messages: {
      ...Object.fromEntries(Object.keys(ClientMessages).map((type) => [type, () => undefined])),
      [MSG.pose]: ({ data }) => {
        applied.push(data);
        return undefined;
      },
      [MSG.matchControl]: () => ({ code: ErrorCode.forbidden, message: 'no', type: MSG.matchControl }),
    },
  });
  const table = messageTable([hooks]);
  const start = () => {
    applied.length = 0;
    const { client, sent } = fakeClient();
    const session = createSession(dropRates([hooks]), 0);
    return { sender: { client, session, player: new Player() }, session, sent };
  };

  it('applies a valid message and counts it', () => {
    const { sender, session, sent } = start();
    dispatch(table, sender, MSG.pose, pose, 0);
    expect(applied).toEqual([pose]);
    expect(session).toMatchObject({ applied: 1, rejected: 0, dropped: 0 });
    expect(sent).toEqual([]);
  });

  it('answers an unknown, an invalid and a refused message with a typed error, and applies nothing', () => {
    const { sender, session, sent } = start();
    dispatch(table, sender, 'nope', {}, 0);
    dispatch(table, sender, MSG.pose, { x: 'a' }, 0);
    dispatch(table, sender, MSG.matchControl, { action: 'pause' }, 0);
    expect(applied).toEqual([]);
    expect(session).toMatchObject({ applied: 0, rejected: 3 });
    expect(sent.map((m) => [m.type, (m.payload as { code: string }).code])).toEqual([
      [MSG.error, ErrorCode.unknownMessage],
      [MSG.error, ErrorCode.invalidMessage],
      [MSG.error, ErrorCode.forbidden],
    ]);
  });

  it('stops answering past the error budget but keeps counting', () => {
    const { sender, session, sent } = start();
    for (let i = 0; i < 100; i++) dispatch(table, sender, 'nope', {}, 0);
    expect(session.rejected).toBe(100);
    expect(sent).toHaveLength(ERROR_REPLY_RATE.burst);
  });

  it('drops messages above their rate before validation, with one notice a second', () => {
    const { sender, session, sent } = start();
    for (let i = 0; i < 10; i++) dispatch(table, sender, MSG.pose, i < 5 ? pose : 'junk', 0);
    expect(session).toMatchObject({ applied: 2, dropped: 8, rejected: 0 });
    expect(sent).toEqual([
      { type: MSG.error, payload: { code: ErrorCode.rateLimited, message: 'too many poses', type: MSG.pose } },
    ]);
    dispatch(table, sender, MSG.pose, pose, 1000);
    expect(session.applied).toBe(3);
  });
});
