/**
 * Key chords as commands declare them: `Alt+E`, `Mod+K` (Ctrl, or ⌘ on a Mac),
 * `Shift+?`-free printable keys such as `N` or `?`, and named keys (`Enter`,
 * `ArrowUp`, `Space`). Pure: the platform is passed in, so tests can ask for either.
 */

export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

interface Chord {
  alt: boolean;
  mod: boolean;
  shift: boolean;
  key: string;
}

const NAMED: Record<string, string> = { Space: ' ' };

function parse(chord: string): Chord {
  const parts = chord.split('+');
  // `Ctrl++` is not a chord anyone declares; the last part is the key, even when it is "+".
  const key = parts.pop() || '+';
  return { alt: parts.includes('Alt'), mod: parts.includes('Mod'), shift: parts.includes('Shift'), key };
}

/** Alt and digits are matched by physical key: on a Mac, Alt+E types "´" and `event.key` says so. */
function codeFor(key: string): string | null {
  if (/^[A-Za-z]$/.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return null;
}

/** Whether a key press is this chord. Mod accepts Ctrl or ⌘ on every platform (Ctrl+K and Cmd+K both open the palette on a Mac). */
export function matchesChord(chord: string, press: KeyPress): boolean {
  const want = parse(chord);
  const mod = press.ctrlKey || press.metaKey;
  if (want.alt !== press.altKey || want.mod !== mod) return false;
  const code = codeFor(want.key);
  if (want.alt || want.mod) {
    if (want.shift !== press.shiftKey) return false;
    return code ? press.code === code : press.key === (NAMED[want.key] ?? want.key);
  }
  if (code) return press.key.toLowerCase() === want.key.toLowerCase() && (!want.shift || press.shiftKey);
  // Symbols such as "?" need Shift on most layouts: the character is what counts.
  return press.key === (NAMED[want.key] ?? want.key);
}

const MAC_SYMBOLS: Record<string, string> = { Alt: '⌥', Mod: '⌘', Shift: '⇧' };
const KEY_LABELS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', PageUp: 'Page Up', PageDown: 'Page Down', Escape: 'Esc' };

/** How a chord is written for people: `Alt+E` / `⌥E`, `Ctrl+K` / `⌘K`. */
export function chordLabel(chord: string, mac: boolean): string {
  const { alt, mod, shift, key } = parse(chord);
  const shown = KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  const mods = [mod && 'Mod', alt && 'Alt', shift && 'Shift'].filter((m): m is string => !!m);
  if (mac) return `${mods.map((m) => MAC_SYMBOLS[m]).join('')}${shown}`;
  return [...mods.map((m) => (m === 'Mod' ? 'Ctrl' : m)), shown].join('+');
}

/** The chord as `aria-keyshortcuts` spells it (`Alt+E`, `Control+K`, `Meta+K`). */
export function ariaChord(chord: string, mac: boolean): string {
  const { alt, mod, shift, key } = parse(chord);
  const mods = [mod && (mac ? 'Meta' : 'Control'), alt && 'Alt', shift && 'Shift'].filter((m): m is string => !!m);
  return [...mods, key === ' ' ? 'Space' : key].join('+');
}

/** Two chords one key press can satisfy both of. */
export function sameChord(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  return x.alt === y.alt && x.mod === y.mod && x.shift === y.shift && x.key.toLowerCase() === y.key.toLowerCase();
}
