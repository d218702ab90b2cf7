import { useEffect, useMemo } from 'react';
import { CHAT_MAX_LENGTH } from '../../../shared/together.ts';

/** What an in-world text field needs from the bridge: put the keyboard's focus on it. */
export interface KeyboardBridge {
  focus(): void;
}

/** How the hidden input asks for text: `numeric` brings up the system keyboard's digits (card fields). */
export interface KeyboardBridgeOptions {
  inputMode?: 'text' | 'numeric';
  maxLength?: number;
  /** Names the input for tests (`data-testid`); `xr-keyboard-bridge` by default. */
  testId?: string;
}

/**
 * Text entry for an in-world panel: a visually hidden HTML input that mirrors `value`. Focusing it
 * during an immersive session brings up the headset's system keyboard (Quest Browser does this for a
 * focused input); a desktop keyboard types into it the same way. Enter calls `onSubmit`.
 * NOTE: uikit 1.0.76's own Input threw "the text component can not have any children" when mounted
 * in our panels, so the panel shows the draft on a button and the typing happens here.
 */
export function useKeyboardBridge(
  value: string,
  onChange: (text: string) => void,
  onSubmit: () => void,
  { inputMode = 'text', maxLength = CHAT_MAX_LENGTH * 2, testId = 'xr-keyboard-bridge' }: KeyboardBridgeOptions = {},
): KeyboardBridge {
  const input = useMemo(() => {
    const el = document.createElement('input');
    el.type = 'text';
    el.inputMode = inputMode;
    el.autocomplete = 'off';
    el.maxLength = maxLength;
    el.setAttribute('aria-hidden', 'true');
    el.dataset.testid = testId;
    Object.assign(el.style, {
      position: 'fixed',
      left: '0',
      bottom: '0',
      width: '1px',
      height: '1px',
      opacity: '0',
      pointerEvents: 'none',
    });
    return el;
  }, [inputMode, maxLength, testId]);
  useEffect(() => {
    document.body.append(input);
    return () => input.remove();
  }, [input]);
  useEffect(() => {
    if (input.value !== value) input.value = value;
  }, [input, value]);
  useEffect(() => {
    const changed = () => onChange(input.value);
    const key = (e: KeyboardEvent) => {
      // NOTE: keys typed here must not reach the arena's walk and chat shortcuts.
      e.stopPropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        onSubmit();
      }
    };
    input.addEventListener('input', changed);
    input.addEventListener('keydown', key);
    return () => {
      input.removeEventListener('input', changed);
      input.removeEventListener('keydown', key);
    };
  }, [input, onChange, onSubmit]);
  return useMemo(() => ({ focus: () => input.focus() }), [input]);
}
