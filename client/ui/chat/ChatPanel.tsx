import { type KeyboardEvent, useEffect, useRef } from 'react';
import { reactionImageUrl } from '../../scene/emojiSheet.ts';
import { useServices } from '../../state/context.tsx';
import { opensChat } from './chatLogic.ts';
import { type ChatModel, useChatModel } from './useChatModel.ts';
import './chat.css';

// NOTE: Enter on a focused button or field belongs to it; only keys aimed at the arena open the chat.
const isControl = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.closest('button, a, input, textarea, select, summary') !== null);

/** T or Enter in the arena opens the chat and puts the cursor in its input (and frees the mouse). */
function useOpenKey(m: ChatModel, input: React.RefObject<HTMLInputElement | null>) {
  const { store } = useServices();
  const latest = useRef(m);
  latest.current = m;
  useEffect(() => {
    const down = (e: globalThis.KeyboardEvent) => {
      if (isControl(e.target) || !opensChat(e) || store.getState().panel !== 'none') return;
      e.preventDefault();
      if (document.pointerLockElement) document.exitPointerLock();
      latest.current.setOpen(true);
      // NOTE: the input mounts with the open panel, a render later.
      requestAnimationFrame(() => input.current?.focus());
    };
    window.addEventListener('keydown', down);
    return () => window.removeEventListener('keydown', down);
  }, [store, input]);
}

/** One chat line: name in the sender's colour, then block / unblock and, for the venue admin, mute and remove. */
function ChatLineView({ line, m }: { line: ChatModel['lines'][number]; m: ChatModel }) {
  if (line.blocked) {
    return (
      <li className="chat-line blocked" data-testid="chat-line" data-from={line.from}>
        <span className="muted">{m.blockedText}</span>
        <button type="button" className="link" data-testid="chat-unblock" onClick={() => m.unblock(line.from)}>
          {m.unblockLabel}
        </button>
      </li>
    );
  }
  return (
    <li className="chat-line" data-testid="chat-line" data-from={line.from} tabIndex={line.self ? undefined : 0}>
      <b style={{ color: line.color }}>{line.name}</b> <span className="chat-text">{line.text}</span>
      {!line.self && (
        <span className="chat-actions">
          <button type="button" className="link" data-testid="chat-block" onClick={() => m.block(line.from)}>
            {m.blockLabel}
          </button>
          {m.isHost && (
            <>
              <button type="button" className="link" data-testid="chat-mute" onClick={() => m.mute(line.from)}>
                {m.muteLabel}
              </button>
              <button type="button" className="link" data-testid="chat-unmute" onClick={() => m.unmute(line.from)}>
                {m.unmuteLabel}
              </button>
              <button type="button" className="link danger" data-testid="chat-remove" onClick={() => m.remove(line.from)}>
                {m.removeLabel}
              </button>
            </>
          )}
        </span>
      )}
    </li>
  );
}

/**
 * The chat's DOM skin: a toggle with the unread count, and when open the channel tabs, the lines,
 * the reason a message was refused, reaction buttons and the input with its counter. Enter sends;
 * Esc leaves the input and closes the chat (and reaches nothing else, not even an open panel).
 */
export function ChatPanel() {
  const m = useChatModel();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  useOpenKey(m, input);

  // biome-ignore lint/correctness/useExhaustiveDependencies: lines is the trigger: a new line scrolls into view.
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [m.lines, m.open]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!m.send()) return;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.currentTarget.blur();
      m.setOpen(false);
    }
  };

  if (!m.open) {
    return (
      <button type="button" className="button chat-toggle" data-testid="chat-toggle" onClick={() => m.setOpen(true)}>
        {m.toggleLabel}
        {m.unread > 0 && (
          <span className="count" data-testid="chat-unread">
            {m.unread}
          </span>
        )}
      </button>
    );
  }
  return (
    <section className="chat-panel" data-testid="chat-panel" aria-label={m.title}>
      <header className="chat-header">
        <div className="chat-tabs" role="tablist">
          {m.channels.map((c) => (
            <button
              key={c.value}
              type="button"
              role="tab"
              aria-selected={c.selected}
              className={`chat-tab ${c.selected ? 'selected' : ''}`}
              data-testid={`chat-tab-${c.value}`}
              onClick={() => m.setChannel(c.value)}
            >
              {c.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid="chat-close"
          aria-label={m.title}
          onClick={() => m.setOpen(false)}
        >
          ×
        </button>
      </header>
      <ol className="chat-lines" ref={list} data-testid="chat-lines" data-channel={m.channel}>
        {m.lines.length === 0 && <li className="muted chat-empty">{m.emptyText}</li>}
        {m.lines.map((line) => (
          <ChatLineView key={line.id} line={line} m={m} />
        ))}
      </ol>
      {m.error && (
        <p className="chat-error" role="alert" data-testid="chat-error">
          {m.error}
        </p>
      )}
      <div className="chat-reactions">
        {m.reactions.map((r) => (
          <button
            key={r.emoji}
            type="button"
            className="chat-reaction"
            aria-label={r.label}
            title={r.label}
            data-testid={`chat-react-${r.emoji}`}
            onClick={() => m.react(r.emoji)}
          >
            <img src={reactionImageUrl(r.emoji)} alt="" width={22} height={22} draggable={false} />
          </button>
        ))}
      </div>
      <p className="chat-credit">{m.emojiCredit}</p>
      <div className="chat-input-row">
        <input
          ref={input}
          data-testid="chat-input"
          value={m.draft}
          placeholder={m.placeholder}
          disabled={m.inputDisabled}
          aria-label={m.placeholder}
          aria-invalid={m.over}
          onChange={(e) => m.setDraft(e.target.value)}
          onBlur={m.stopTyping}
          onKeyDown={onKeyDown}
        />
        <span className={`chat-counter ${m.over ? 'over' : ''}`} data-testid="chat-counter">
          {m.counter}
        </span>
        <button type="button" className="button primary" data-testid="chat-send" disabled={!m.canSend} onClick={() => m.send()}>
          {m.sendLabel}
        </button>
      </div>
    </section>
  );
}
