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
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  });
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const ALT_LABEL = isMac ? '⌥' : 'Alt+';
