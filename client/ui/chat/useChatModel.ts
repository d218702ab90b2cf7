import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_CHANNELS, CHAT_MAX_LENGTH, REACTIONS, type ChatChannel, type ModerateSend } from '../../../shared/together.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { chatLines, draftState } from './chatLogic.ts';

/** Quick phrases offered where typing is awkward (the in-world panel): i18n keys under `chat.quick`. */
export const QUICK_PHRASES = ['hello', 'thisOne', 'lookHere', 'niceShot', 'buying'] as const;

/**
 * The chat's model, shared by the DOM panel and the in-world panel: the active channel's lines
 * (blocked senders collapsed), the draft with its counter, sending, reactions, block / unblock and,
 * for the venue admin, mute and remove. The draft is the skin's own (each panel has its input).
 */
export function useChatModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const actions = connection.chat;
  const channel = useApp((s) => s.chatChannel);
  const messages = useApp((s) => s.chatMessages[s.chatChannel]);
  const blocked = useApp((s) => s.blocked);
  const selfId = useApp((s) => s.selfId);
  const open = useApp((s) => s.chatOpen);
  const unread = useApp((s) => s.chatUnread);
  const errorKey = useApp((s) => s.chatError);
  const muted = useApp((s) => s.chatMuted);
  const isHost = useApp((s) => s.visitor?.role === 'host');
  const inSquad = useApp((s) => s.squad !== null);
  const [draft, setDraftText] = useState('');
  const lines = useMemo(() => chatLines(messages, blocked, selfId), [messages, blocked, selfId]);
  const state = draftState(draft);
  const noSquad = channel === 'squad' && !inSquad;

  const setDraft = (text: string) => {
    setDraftText(text);
    actions.setTyping(text.trim() !== '');
  };
  const send = (text = draft) => {
    if (!draftState(text).canSend || muted || noSquad) return false;
    if (!actions.send(channel, text)) return false;
    if (text === draft) setDraft('');
    return true;
  };
  const moderate = (action: ModerateSend['action'], target: string) => actions.moderate(action, target);

  return {
    title: t('chat.title'),
    open,
    setOpen: (o: boolean) => {
      store.getState().setChatOpen(o);
      if (!o) actions.setTyping(false);
    },
    unread,
    toggleLabel: unread > 0 ? t('chat.openUnread', { count: unread }) : t('chat.open'),
    channel,
    channels: CHAT_CHANNELS.map((c) => ({ value: c, label: t(`chat.channel.${c}`), selected: c === channel })),
    setChannel: (c: ChatChannel) => store.getState().setChatChannel(c),
    lines,
    emptyText: t(`chat.empty.${channel}`),
    blockedText: t('chat.blockedLine'),
    draft,
    setDraft,
    counter: `${state.length}/${CHAT_MAX_LENGTH}`,
    over: state.over,
    canSend: state.canSend && !muted && !noSquad,
    send,
    placeholder: muted ? t('chat.reason.muted') : noSquad ? t('chat.reason.noSquad') : t(`chat.placeholder.${channel}`),
    inputDisabled: muted || noSquad,
    sendLabel: t('chat.send'),
    error: errorKey ? t(errorKey, { max: CHAT_MAX_LENGTH, defaultValue: t('errors.chat_rejected') }) : null,
    reactions: REACTIONS.map((emoji, i) => ({ emoji, label: t(`chat.reaction.${i}`) })),
    react: actions.react,
    /** The reaction images' licence credit (Twemoji, CC-BY 4.0). */
    emojiCredit: t('chat.emojiCredit'),
    quickPhrases: QUICK_PHRASES.map((key) => t(`chat.quick.${key}`)),
    block: (id: string) => store.getState().block(id),
    unblock: (id: string) => store.getState().unblock(id),
    blockLabel: t('chat.block'),
    unblockLabel: t('chat.unblock'),
    isHost,
    mute: (id: string) => moderate('mute', id),
    unmute: (id: string) => moderate('unmute', id),
    remove: (id: string) => moderate('remove', id),
    muteLabel: t('chat.mute'),
    unmuteLabel: t('chat.unmute'),
    removeLabel: t('chat.remove'),
    stopTyping: () => actions.setTyping(false),
  };
}

export type ChatModel = ReturnType<typeof useChatModel>;
