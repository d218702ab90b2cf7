import { CHAT_MAX_LENGTH, textLength, type ChatMessage } from '../../../shared/together.ts';

/** A chat line as the panels show it. */
export interface ChatLine {
  id: string;
  from: string;
  name: string;
  color: string;
  text: string;
  /** Sent by this visitor (no block or moderation actions on it). */
  self: boolean;
  /** From a visitor this visitor blocked: shown as a collapsed line with "Unblock". */
  blocked: boolean;
}

/** The lines of a channel, oldest first; the text of a blocked sender's line is left out. */
export function chatLines(
  messages: readonly ChatMessage[],
  blocked: Readonly<Record<string, true>>,
  selfId: string | null,
): ChatLine[] {
  return messages.map((m) => {
    const isBlocked = blocked[m.from] === true;
    return {
      id: m.id,
      from: m.from,
      name: m.name,
      color: m.color,
      text: isBlocked ? '' : m.text,
      self: m.from === selfId,
      blocked: isBlocked,
    };
  });
}

/** What the input shows under a draft: its length in characters as a visitor counts them, and whether it can go. */
export function draftState(draft: string): { length: number; over: boolean; canSend: boolean } {
  const length = textLength(draft.trim());
  const over = length > CHAT_MAX_LENGTH;
  return { length, over, canSend: length > 0 && !over };
}

/** Keys that open the chat from the arena (desktop): T, or Enter. */
export function opensChat(e: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return e.code === 'KeyT' || e.key === 'Enter';
}
