import { useEffect, useRef } from 'react';

export interface TradeShortcuts {
  buy(): void;
  sell(): void;
  close(): void;
  cancelAll(): void;
  playPause(): void;
  step(): void;
  stepBack(): void;
  seekBar(direction: 1 | -1): void;
  speed(direction: 1 | -1): void;
  help(): void;
}

/** The keys, for the help popover and the buttons' titles. */
export const SHORTCUT_LIST: readonly [string, string][] = [
  ['Shift+B', 'Send the ticket as a buy'],
  ['Shift+S', 'Send the ticket as a sell'],
  ['Shift+C', 'Close the position at market'],
  ['Shift+X', 'Cancel all open orders'],
  ['Space', 'Play / pause the replay'],
  ['.', 'Step the replay one tick'],
  [',', 'Step one tick back (rewinds the session: your later commands are dropped)'],
  ['> / <', 'Seek one bar forward / back (back rewinds the session)'],
  ['] / [', 'Replay faster / slower'],
  ['?', 'Show these keys'],
  ['Esc', 'Close a panel or dialog'],
  ['Alt+1…7', 'Switch views'],
];

/** Replay keys, taken only outside fields and buttons. */
const REPLAY_KEYS: Record<string, (h: TradeShortcuts) => void> = {
  '.': (h) => h.step(),
  ',': (h) => h.stepBack(),
  '>': (h) => h.seekBar(1),
  '<': (h) => h.seekBar(-1),
  ']': (h) => h.speed(1),
  '[': (h) => h.speed(-1),
};

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio' && target.type !== 'range';
}

/**
 * Trading keys for the whole view. Shift+letter works even from the ticket's number boxes (no
 * number contains a capital letter); Space and "." only when the focus is not in a field or on
 * a button (where they type or press). Nothing fires while a modal dialog is open.
 */
export function useTradeShortcuts(handlers: TradeShortcuts): void {
  const live = useRef(handlers);
  useEffect(() => {
    live.current = handlers;
  }, [handlers]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const h = live.current;
      const shifted: Record<string, () => void> = { B: h.buy, S: h.sell, C: h.close, X: h.cancelAll };
      if (e.shiftKey && e.key.length === 1 && shifted[e.key.toUpperCase()] && !(e.target instanceof HTMLTextAreaElement)) {
        e.preventDefault();
        shifted[e.key.toUpperCase()]!();
        return;
      }
      if (e.key === '?') {
        if (typingIn(e.target)) return;
        e.preventDefault();
        h.help();
        return;
      }
      const onControl = typingIn(e.target) || e.target instanceof HTMLButtonElement || e.target instanceof HTMLSelectElement || (e.target instanceof HTMLElement && e.target.getAttribute('role') === 'grid');
      if (onControl) return;
      if (e.key === ' ') {
        e.preventDefault();
        h.playPause();
      } else if (REPLAY_KEYS[e.key]) {
        e.preventDefault();
        REPLAY_KEYS[e.key]!(h);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
