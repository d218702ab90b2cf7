import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../../../server/room/clientMessages.ts';

const pose = { x: 1, y: 2, z: 3, yaw: 4, pitch: 5 };

describe('parseClientMessage', () => {
  it('passes a valid pose through', () => {
    expect(parseClientMessage('pose', pose)).toEqual({ ok: true, type: 'pose', data: pose });
  });

  it('names the field that is wrong', () => {
    const res = parseClientMessage('pose', { ...pose, yaw: -1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_message', type: 'pose' } });
    expect(!res.ok && res.error.message).toContain('yaw');
  });

  it('calls unknown, numeric and inherited names unknown_message', () => {
    for (const type of ['teleport', 7, '__proto__', 'toString', 'error']) {
      expect(parseClientMessage(type, pose)).toMatchObject({ ok: false, error: { code: 'unknown_message', type: String(type) } });
    }
  });

  it('does not echo a huge type name back', () => {
    const res = parseClientMessage('x'.repeat(10_000), pose);
    expect(!res.ok && res.error.type!.length).toBe(64);
  });
});
