/**
 * The commands live right now: a handler bound to a declared id (catalogue.ts)
 * while the shell or a screen is mounted. Finds the command a key press means,
 * and refuses two live commands on one key.
 */
import type { CommandSpec } from './catalogue';
import { matchesChord, sameChord, type KeyPress } from './keys';

export interface Binding {
  run: () => void;
  /** Whether it can run now (the palette hides it otherwise, and its keys do nothing). */
  enabled?: () => boolean;
  /** A fuller label for now ("Accept the chat from Ada Lovelace"). */
  label?: () => string | undefined;
}

export interface LiveCommand {
  spec: CommandSpec;
  binding: Binding;
}

/** Where a key press happened, as far as commands care. */
export interface PressContext {
  /** In a text field: only commands declared `inFields` answer. */
  typing: boolean;
  /** In a dialog or menu: plain keys (letters, "?") belong to it, not to the screen behind. */
  inOverlay: boolean;
}

const coexist = (a: CommandSpec, b: CommandSpec) => a.scope === b.scope || a.scope === 'shell' || b.scope === 'shell';

/** Pairs of dispatched commands that could be live together on one key. */
export function keyConflicts(specs: readonly CommandSpec[]): string[] {
  const keyed = specs.filter((spec) => !spec.local && spec.keys.length > 0);
  const found: string[] = [];
  keyed.forEach((a, i) => {
    for (const b of keyed.slice(i + 1)) {
      const chord = a.keys.find((x) => b.keys.some((y) => sameChord(x, y)));
      if (chord && coexist(a, b)) found.push(`"${a.id}" and "${b.id}" both use ${chord}`);
    }
  });
  return found;
}

const plain = (press: KeyPress) => !press.altKey && !press.ctrlKey && !press.metaKey;

export class CommandRegistry {
  private readonly live = new Map<string, Binding>();
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  constructor(
    private readonly specs: (id: string) => CommandSpec,
    /** What to do with a mistake in the declarations: throw in development and tests, report in production. */
    private readonly onMistake: (message: string) => void,
  ) {}

  /** Binds a handler to a declared command; the returned function unbinds it. */
  register(id: string, binding: Binding): () => void {
    const spec = this.specs(id);
    if (this.live.has(id)) this.onMistake(`The command "${id}" is bound twice`);
    const clash = keyConflicts([spec, ...[...this.live.keys()].map(this.specs)]).find((conflict) => conflict.includes(`"${id}"`));
    if (clash) this.onMistake(`Two live commands on one key: ${clash}`);
    this.live.set(id, binding);
    this.changed();
    return () => {
      if (this.live.get(id) !== binding) return;
      this.live.delete(id);
      this.changed();
    };
  }

  /** The live command a key press runs, if any. */
  find(press: KeyPress, where: PressContext): LiveCommand | null {
    for (const [id, binding] of this.live) {
      const spec = this.specs(id);
      if (spec.local || !spec.keys.some((chord) => matchesChord(chord, press))) continue;
      if (where.typing && !spec.inFields) continue;
      if (where.inOverlay && plain(press)) continue;
      if (binding.enabled && !binding.enabled()) continue;
      return { spec, binding };
    }
    return null;
  }

  /** Every live command that can run now, in declaration order (for the palette). */
  available(order: readonly CommandSpec[]): LiveCommand[] {
    return order.flatMap((spec) => {
      const binding = this.live.get(spec.id);
      return binding && (!binding.enabled || binding.enabled()) ? [{ spec, binding }] : [];
    });
  }

  isLive(id: string): boolean {
    return this.live.has(id);
  }

  /** Grows each time a command is bound or unbound. */
  get version(): number {
    return this.changes;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.changes += 1;
    for (const listener of this.listeners) listener();
  }
}
