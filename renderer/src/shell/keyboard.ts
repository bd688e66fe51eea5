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
    // The screen being left may still be in the DOM, hidden, while the next one's code loads: only a visible
    // target, and a focus that took, count.
    const target = [...document.querySelectorAll<HTMLElement>(`main :is(${selector})`)].find((element) => element.checkVisibility());
    target?.focus();
    return !!target && document.activeElement === target;
  };
  requestAnimationFrame(() => {
    if (focus()) return;
    const main = document.querySelector('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      // The person moved on (clicked or tabbed elsewhere): leave their focus alone. A hidden element still
      // holding focus is the screen being left, not a choice.
      if (active !== started && active !== document.body && active instanceof HTMLElement && active.checkVisibility()) return stop();
      if (focus()) stop();
    });
    // Long enough for a screen's code to arrive on a busy machine; the observer costs nothing meanwhile.
    const timer = setTimeout(() => stop(), 10_000);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    // Style too: a screen Suspense hid and shows again changes only its display.
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  });
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const ALT_LABEL = isMac ? '⌥' : 'Alt+';
