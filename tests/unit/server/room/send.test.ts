import { getMessageBytes, Protocol } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { sendToEach } from '../../../../server/room/send.ts';
import { MSG } from '../../../../shared/protocol.ts';

describe('sendToEach', () => {
  it('encodes a message once and queues the same frame to every client, skipping missing ones', () => {
    const frames: Uint8Array[] = [];
    const client = () => ({ send: () => expect.fail('send would encode again'), enqueueRaw: (f: Uint8Array) => frames.push(f) });
    const batch = { events: [{ from: 's1', emoji: '🔥' as const, at: 1 }] };
    expect(sendToEach([client(), undefined, client(), client()], MSG.reactions, batch)).toBe(3);
    expect(frames).toHaveLength(3);
    expect(frames[1]).toBe(frames[0]);
    expect(frames[2]).toBe(frames[0]);
    // The very bytes `client.send(type, payload)` would have written for each of them.
    expect([...frames[0]!]).toEqual([...getMessageBytes.raw(Protocol.ROOM_DATA, MSG.reactions, batch)]);
  });

  it('sends through `send` to a recipient that takes no encoded frames', () => {
    const got: Array<[string, unknown]> = [];
    sendToEach([{ send: (type: string, payload: unknown) => got.push([type, payload]) }], MSG.reactions, { events: [] });
    expect(got).toEqual([[MSG.reactions, { events: [] }]]);
  });
});
