import { ErrorCode, MSG, type ErrorBody } from '../../../shared/protocol.ts';
import {
  CHAT_MAX_LENGTH,
  CHAT_REJECTION,
  NEARBY_RADIUS_M,
  PLAYER_FLAG,
  textLength,
  type ChatMessage,
  type ChatSend,
} from '../../../shared/together.ts';
import type { ChatFilter } from './chatFilter.ts';

/** The parts of a player chat reads: name, colour, squad, flags and floor position (int16 centimetres). */
export interface ChatPeer {
  name: string;
  color: string;
  squad?: string;
  flags?: number;
  x: number;
  z: number;
}

export type ChatDecision = { ok: true; message: ChatMessage } | { ok: false; error: ErrorBody };

const refuse = (message: string): ChatDecision => ({
  ok: false,
  error: { code: ErrorCode.chatRejected, message, type: MSG.chat },
});

/**
 * Turns a validated message from `fromId` into the `ChatMessage` every recipient gets, or the reason
 * it goes nowhere: empty after trimming, longer than `CHAT_MAX_LENGTH` code points, sender muted by
 * the venue admin, or `squad` without a squad. Bad words are masked, not refused.
 */
export function acceptChat(
  send: ChatSend,
  fromId: string,
  sender: ChatPeer,
  deps: { filter: ChatFilter; now: number; id: string },
): ChatDecision {
  const text = send.text.trim();
  if (text === '') return refuse(CHAT_REJECTION.empty);
  if (textLength(text) > CHAT_MAX_LENGTH) return refuse(CHAT_REJECTION.tooLong);
  if ((sender.flags ?? 0) & PLAYER_FLAG.muted) return refuse(CHAT_REJECTION.muted);
  if (send.channel === 'squad' && !sender.squad) return refuse(CHAT_REJECTION.noSquad);
  return {
    ok: true,
    message: {
      id: deps.id,
      channel: send.channel,
      from: fromId,
      name: sender.name,
      color: sender.color,
      text: deps.filter.clean(text),
      at: deps.now,
    },
  };
}

const NEARBY_CM = NEARBY_RADIUS_M * 100;

/** Whether `other` stands within `NEARBY_RADIUS_M` of `sender` on the floor. */
export function isNearby(sender: ChatPeer, other: ChatPeer): boolean {
  return Math.hypot(sender.x - other.x, sender.z - other.z) <= NEARBY_CM;
}

/**
 * Session ids in one shard that a message reaches: everyone for `arena`, those within the radius for
 * `nearby`, members of `squad` for `squad`. The sender is always among them (they see it accepted).
 */
export function chatRecipients(
  players: Iterable<[string, ChatPeer]>,
  message: Pick<ChatMessage, 'channel' | 'from'>,
  scope: { sender?: ChatPeer; squad?: string },
): string[] {
  const ids: string[] = [];
  for (const [id, peer] of players) {
    const reached =
      id === message.from ||
      message.channel === 'arena' ||
      (message.channel === 'nearby' && scope.sender !== undefined && isNearby(scope.sender, peer)) ||
      (message.channel === 'squad' && !!scope.squad && peer.squad === scope.squad);
    if (reached) ids.push(id);
  }
  return ids;
}
