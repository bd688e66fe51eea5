/** The workstation's one command registry, and binding handlers to it from React. */
import { useLayoutEffect, useRef } from 'react';
import { isMac } from '../../shell/keyboard';
import { commandSpec } from './catalogue';
import { ariaChord, chordLabel } from './keys';
import { CommandRegistry, type Binding } from './registry';

export const commands = new CommandRegistry(commandSpec, (message) => {
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') throw new Error(message);
  console.error(message);
});

/**
 * Binds handlers to declared commands while the component is mounted. Bound as
 * the component commits (a layout effect), so a key pressed the moment a button
 * appears already finds its command; the handlers are read when the key comes,
 * so they always see the latest render.
 */
export function useCommands(bindings: Record<string, Binding> | null): void {
  const latest = useRef(bindings);
  useLayoutEffect(() => {
    latest.current = bindings;
  });
  const ids = bindings ? Object.keys(bindings).sort().join(',') : '';
  useLayoutEffect(() => {
    const offs = ids
      .split(',')
      .filter(Boolean)
      .map((id) =>
        commands.register(id, {
          run: () => latest.current?.[id]?.run(),
          enabled: () => {
            const current = latest.current?.[id];
            return !!current && (current.enabled?.() ?? true);
          },
          label: () => latest.current?.[id]?.label?.(),
        }),
      );
    return () => offs.forEach((off) => off());
  }, [ids]);
}

/** The command's first key as people read it here: "Alt+E", or "⌥E" on a Mac. */
export function keyHint(id: string): string {
  const chord = commandSpec(id).keys[0];
  return chord ? chordLabel(chord, isMac) : '';
}

/** The command's keys for `aria-keyshortcuts`. */
export function ariaKeys(id: string): string {
  return commandSpec(id)
    .keys.map((chord) => ariaChord(chord, isMac))
    .join(' ');
}
