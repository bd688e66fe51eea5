/** True when a key press belongs to a text field rather than to the app's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** Moves focus to the current screen's heading, so keyboard and screen-reader users land on the new content. */
export function focusScreenHeading(): void {
  focusWhenShown('main h1');
}

/**
 * Focuses the first element matching `selector` in the main area, now or when
 * it appears (screens that read their data first show it a moment later),
 * unless the person has moved focus somewhere else by then.
 */
export function focusWhenShown(selector: string): void {
  const started = document.activeElement;
  const focus = () => {
    // The screen being left may still be in the DOM, hidden, while the next one's code loads: only a focus that took counts.
    const target = document.querySelector<HTMLElement>(`main :is(${selector})`);
    target?.focus();
    return !!target && document.activeElement === target;
  };
  requestAnimationFrame(() => {
    if (focus()) return;
    const main = document.querySelector('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (document.activeElement !== started && document.activeElement !== document.body) return stop();
      if (focus()) stop();
    });
    const timer = setTimeout(() => stop(), 3000);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
  });
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const ALT_LABEL = isMac ? '⌥' : 'Alt+';
