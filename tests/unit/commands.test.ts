import { describe, expect, it } from 'vitest';
import { COMMANDS, commandSpec, shortcutSheet, type CommandSpec } from '../../renderer/src/lib/commands/catalogue';
import { ariaChord, chordLabel, matchesChord, type KeyPress } from '../../renderer/src/lib/commands/keys';
import { CommandRegistry, keyConflicts } from '../../renderer/src/lib/commands/registry';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
const nowhere = { typing: false, inOverlay: false };

function registry(specs: readonly CommandSpec[] = COMMANDS) {
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  return new CommandRegistry(
    (id) => byId.get(id) ?? commandSpec(id),
    (message) => {
      throw new Error(message);
    },
  );
}

describe('key chords', () => {
  it('matches Alt chords by physical key, so ⌥E on a Mac (which types "´") still ends the conversation', () => {
    expect(matchesChord('Alt+E', press('´', 'KeyE', { altKey: true }))).toBe(true);
    expect(matchesChord('Alt+E', press('e', 'KeyE'))).toBe(false);
    expect(matchesChord('Alt+E', press('e', 'KeyE', { altKey: true, ctrlKey: true }))).toBe(false);
    expect(matchesChord('Alt+3', press('#', 'Digit3', { altKey: true }))).toBe(true);
  });

  it('opens the palette with Ctrl+K and with ⌘K', () => {
    expect(matchesChord('Mod+K', press('k', 'KeyK', { ctrlKey: true }))).toBe(true);
    expect(matchesChord('Mod+K', press('k', 'KeyK', { metaKey: true }))).toBe(true);
    expect(matchesChord('Mod+K', press('k', 'KeyK'))).toBe(false);
    expect(matchesChord('Mod+K', press('k', 'KeyK', { altKey: true }))).toBe(false);
  });

  it('reads plain letters whatever the case, and "?" by the character typed', () => {
    expect(matchesChord('A', press('a', 'KeyA'))).toBe(true);
    expect(matchesChord('A', press('A', 'KeyA', { shiftKey: true }))).toBe(true);
    expect(matchesChord('A', press('a', 'KeyA', { ctrlKey: true }))).toBe(false);
    expect(matchesChord('?', press('?', 'Slash', { shiftKey: true }))).toBe(true);
    expect(matchesChord('?', press('/', 'Slash'))).toBe(false);
  });

  it('writes keys the way each platform does', () => {
    expect(chordLabel('Alt+E', false)).toBe('Alt+E');
    expect(chordLabel('Alt+E', true)).toBe('⌥E');
    expect(chordLabel('Mod+K', false)).toBe('Ctrl+K');
    expect(chordLabel('Mod+K', true)).toBe('⌘K');
    expect(chordLabel('ArrowUp', false)).toBe('↑');
    expect(ariaChord('Mod+K', false)).toBe('Control+K');
    expect(ariaChord('Mod+K', true)).toBe('Meta+K');
    expect(ariaChord('Alt+E', true)).toBe('Alt+E');
  });
});

describe('the command registry', () => {
  it('runs a live command for its key, and nothing once the screen that bound it is gone', () => {
    const commands = registry();
    let taken = 0;
    const off = commands.register('queue.takeNext', { run: () => (taken += 1) });
    commands.find(press('n', 'KeyN'), nowhere)?.binding.run();
    expect(taken).toBe(1);
    off();
    expect(commands.find(press('n', 'KeyN'), nowhere)).toBeNull();
  });

  it('leaves plain keys to text fields, but Alt and Ctrl chords declared for fields still work there', () => {
    const commands = registry();
    commands.register('offer.accept', { run: () => undefined });
    commands.register('contact.end', { run: () => undefined });
    commands.register('palette.open', { run: () => undefined });
    const typing = { typing: true, inOverlay: false };
    expect(commands.find(press('a', 'KeyA'), typing)).toBeNull();
    expect(commands.find(press('a', 'KeyA'), nowhere)?.spec.id).toBe('offer.accept');
    expect(commands.find(press('e', 'KeyE', { altKey: true }), typing)?.spec.id).toBe('contact.end');
    expect(commands.find(press('k', 'KeyK', { ctrlKey: true }), typing)?.spec.id).toBe('palette.open');
  });

  it('leaves plain keys to an open dialog or menu', () => {
    const commands = registry();
    commands.register('offer.accept', { run: () => undefined });
    expect(commands.find(press('a', 'KeyA'), { typing: false, inOverlay: true })).toBeNull();
  });

  it('skips a command that cannot run now, and never dispatches keys a focused control handles itself', () => {
    const commands = registry();
    let canTransfer = false;
    commands.register('contact.transfer', { run: () => undefined, enabled: () => canTransfer });
    commands.register('queue.claim', { run: () => undefined });
    expect(commands.find(press('t', 'KeyT', { altKey: true }), nowhere)).toBeNull();
    canTransfer = true;
    expect(commands.find(press('t', 'KeyT', { altKey: true }), nowhere)?.spec.id).toBe('contact.transfer');
    expect(commands.find(press('c', 'KeyC'), nowhere)).toBeNull();
  });

  it('refuses a command bound twice, and two live commands on one key', () => {
    const commands = registry([
      ...COMMANDS,
      { id: 'test.reassign', label: { id: 'test.reassign', defaultMessage: 'Reassign' }, group: { id: 'test.group', defaultMessage: 'Follow-ups' }, scope: 'queue', keys: ['A'] },
    ]);
    commands.register('queue.takeNext', { run: () => undefined });
    expect(() => commands.register('queue.takeNext', { run: () => undefined })).toThrow(/bound twice/);
    commands.register('offer.accept', { run: () => undefined });
    expect(() => commands.register('test.reassign', { run: () => undefined })).toThrow(/"test.reassign" and "offer.accept" both use A/);
  });

  it('finds no two commands on one key that can be live together in the declarations', () => {
    expect(keyConflicts(COMMANDS)).toEqual([]);
    // Screens are live one at a time: the same key on two screens is fine; a shell key is not.
    const x = { id: 'x', defaultMessage: 'x' };
    const queueX: CommandSpec = { id: 'x.queue', label: x, group: x, scope: 'queue', keys: ['X'] };
    const contactX: CommandSpec = { id: 'x.contact', label: x, group: x, scope: 'contact', keys: ['X'] };
    const shellX: CommandSpec = { id: 'x.shell', label: x, group: x, scope: 'shell', keys: ['x'] };
    expect(keyConflicts([queueX, contactX])).toEqual([]);
    expect(keyConflicts([queueX, contactX, shellX])).toEqual(['"x.queue" and "x.shell" both use X', '"x.contact" and "x.shell" both use X']);
  });

  it('lists live commands for the palette in declaration order, only those that can run', () => {
    const commands = registry();
    commands.register('sync.now', { run: () => undefined });
    commands.register('go.queue', { run: () => undefined });
    commands.register('theme.dark', { run: () => undefined, enabled: () => false });
    expect(commands.available(COMMANDS).map(({ spec }) => spec.id)).toEqual(['go.queue', 'sync.now']);
  });
});

describe('the shortcuts sheet', () => {
  it('lists exactly the declared commands that have keys, with the sections the person sees', () => {
    const sheet = shortcutSheet('agent');
    const listed = sheet.flatMap((group) => group.commands.map((command) => command.id));
    const supervisors = ['go.admin', 'followUps.reassign', 'floor.presence', 'floor.transfer'];
    const keyed = COMMANDS.filter((command) => command.keys.length > 0 && !supervisors.includes(command.id)).map((command) => command.id);
    expect([...listed].sort()).toEqual(keyed.sort());
    expect(listed).not.toContain('go.admin');
    expect(shortcutSheet('admin').flatMap((group) => group.commands.map((command) => command.id))).toEqual(expect.arrayContaining(supervisors));
    // Palette-only commands (no keys) are not on the sheet.
    expect(listed).not.toContain('sync.now');
  });

  it('names the contact screen keys under "A contact"', () => {
    const contact = shortcutSheet('agent').find((group) => group.title.defaultMessage === 'A contact')!;
    expect(contact.commands.map((command) => command.keys.join(' '))).toEqual(
      expect.arrayContaining(['Alt+C', 'Alt+E', 'Alt+R', 'Alt+T', 'Alt+H', 'Alt+S', 'Alt+P', 'Alt+K', 'Mod+Enter']),
    );
  });
});
