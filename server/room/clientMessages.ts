import type { z } from 'zod';
import { ClientMessages, ErrorCode, type ErrorBody } from '../../shared/protocol.ts';

type Name = keyof typeof ClientMessages;

export type ParsedMessage =
  | { [K in Name]: { ok: true; type: K; data: z.infer<(typeof ClientMessages)[K]> } }[Name]
  | { ok: false; error: ErrorBody };

function isKnown(type: string | number): type is Name {
  return typeof type === 'string' && Object.hasOwn(ClientMessages, type);
}

/**
 * Validates a room message against the shared schema of its type. Never throws: anything a client
 * sends becomes either typed data or an error body to send back.
 */
export function parseClientMessage(type: string | number, payload: unknown): ParsedMessage {
  const shownType = String(type).slice(0, 64);
  if (!isKnown(type)) {
    return {
      ok: false,
      error: { code: ErrorCode.unknownMessage, message: `unknown message type "${shownType}"`, type: shownType },
    };
  }
  const parsed = ClientMessages[type].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return {
      ok: false,
      error: { code: ErrorCode.invalidMessage, message: `invalid ${type}: ${where}${issue?.message ?? 'rejected'}`, type },
    };
  }
  return { ok: true, type, data: parsed.data } as ParsedMessage;
}
