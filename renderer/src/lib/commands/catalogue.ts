/**
 * Every command of the workstation, declared once: what it is called, its keys,
 * where it applies. The key dispatcher, the command palette, the shortcuts sheet
 * and the hints on buttons all read this list; screens only bind handlers to ids
 * (`useCommands`). Pure data, so tests read it without a browser.
 */
import type { Role } from '@core/domain/model';
import { sectionsFor, SECTIONS, type Section } from '../../sections';

/**
 * Where a command's key works. `shell` commands can be live on every screen
 * (the offer's A/D too), so their keys must differ from every other command's;
 * screen scopes are live one at a time and may reuse each other's keys.
 */
export type CommandScope = 'shell' | 'queue' | 'contact';

export interface CommandSpec {
  id: string;
  /** What it does, as the palette and the sheet say it. */
  label: string;
  /** The sheet's and the palette's heading. */
  group: string;
  scope: CommandScope;
  /** Chords (see keys.ts); a command without keys is run from the palette only. */
  keys: readonly string[];
  /** Also works while typing in a text field (Alt and Ctrl chords); plain keys never do. */
  inFields?: boolean;
  /** Keys the focused control handles itself (lists, fields, script steps): on the sheet, never dispatched or in the palette. */
  local?: boolean;
  /** A few words for a hints row ("end and wrap up"). */
  hint?: string;
  /** Words the palette also matches. */
  aliases?: string;
  /** Only these roles have it (everyone when left out). */
  roles?: readonly Role[];
}

const sectionCommand = (section: Section): CommandSpec => ({
  id: `go.${section.id}`,
  label: `Go to ${section.label}`,
  group: 'Sections',
  scope: 'shell',
  keys: [`Alt+${section.key}`],
  inFields: true,
  aliases: section.description,
  ...(section.roles ? { roles: section.roles } : {}),
});

export const COMMANDS: readonly CommandSpec[] = [
  ...SECTIONS.map(sectionCommand),
  { id: 'palette.open', label: 'Search customers, articles and commands', group: 'Everywhere', scope: 'shell', keys: ['Mod+K'], inFields: true, aliases: 'find command palette' },
  { id: 'shortcuts.show', label: 'Show these shortcuts', group: 'Everywhere', scope: 'shell', keys: ['?'], aliases: 'keyboard help' },
  { id: 'nav.sections', label: 'Move between sections in the section list', group: 'Everywhere', scope: 'shell', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], local: true },
  { id: 'nav.tab', label: 'Move between controls', group: 'Everywhere', scope: 'shell', keys: ['Tab', 'Shift+Tab'], local: true },
  { id: 'nav.close', label: 'Close a dialog or menu', group: 'Everywhere', scope: 'shell', keys: ['Escape'], local: true },
  { id: 'presence.available', label: 'Set my presence to Available', group: 'Presence', scope: 'shell', keys: [], aliases: 'status ready' },
  { id: 'presence.away', label: 'Set my presence to Away', group: 'Presence', scope: 'shell', keys: [], aliases: 'status break' },
  { id: 'presence.after-contact-work', label: 'Set my presence to After-contact work', group: 'Presence', scope: 'shell', keys: [], aliases: 'status acw' },
  { id: 'sync.now', label: 'Sync now', group: 'This device', scope: 'shell', keys: [], aliases: 'refresh hub' },
  { id: 'theme.light', label: 'Use the light theme', group: 'This device', scope: 'shell', keys: [], aliases: 'appearance colour' },
  { id: 'theme.dark', label: 'Use the dark theme', group: 'This device', scope: 'shell', keys: [], aliases: 'appearance colour night' },
  { id: 'theme.system', label: 'Use the system theme', group: 'This device', scope: 'shell', keys: [], aliases: 'appearance colour' },
  { id: 'account.signOut', label: 'Sign out…', group: 'This device', scope: 'shell', keys: [], aliases: 'log out' },

  { id: 'offer.accept', label: 'Accept the contact offered to you', group: 'Offers', scope: 'shell', keys: ['A'] },
  { id: 'offer.decline', label: 'Decline the contact offered to you', group: 'Offers', scope: 'shell', keys: ['D'] },

  { id: 'queue.takeNext', label: 'Take the next contact', group: 'Queue', scope: 'queue', keys: ['N'] },
  { id: 'queue.move', label: 'Move through the waiting contacts', group: 'Queue', scope: 'queue', keys: ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'], local: true },
  { id: 'queue.take', label: 'Take the selected contact and open it', group: 'Queue', scope: 'queue', keys: ['Enter'], local: true },
  { id: 'queue.claim', label: 'Take the selected contact without opening it', group: 'Queue', scope: 'queue', keys: ['C'], local: true },

  { id: 'contact.reply', hint: 'reply', label: 'Go to the reply box', group: 'A contact', scope: 'contact', keys: ['Alt+C'], inFields: true, aliases: 'composer write' },
  { id: 'contact.send', label: 'Send the reply, add the note, or finish the wrap-up', group: 'A contact', scope: 'contact', keys: ['Mod+Enter'], local: true },
  { id: 'script.focus', hint: 'script', label: 'Go to the script', group: 'A contact', scope: 'contact', keys: ['Alt+S'], inFields: true },
  { id: 'script.tick', label: 'Tick off the script step in focus', group: 'A contact', scope: 'contact', keys: ['Space'], local: true },
  { id: 'script.stage', label: 'Next or previous script stage', group: 'A contact', scope: 'contact', keys: ['ArrowRight', 'ArrowLeft'], local: true },
  { id: 'script.insertLine', label: 'Insert the script line in focus into the reply', group: 'A contact', scope: 'contact', keys: ['I'], local: true },
  { id: 'script.promise', hint: 'insert the promise', label: 'Insert the promise into the reply', group: 'A contact', scope: 'contact', keys: ['Alt+P'], inFields: true, aliases: 'expectation when' },
  { id: 'script.savedReplies', hint: 'saved replies', label: 'Search saved replies', group: 'A contact', scope: 'contact', keys: ['Alt+K'], inFields: true, aliases: 'templates knowledge' },
  { id: 'contact.end', hint: 'end and wrap up', label: 'End the conversation and wrap up', group: 'A contact', scope: 'contact', keys: ['Alt+E'], inFields: true, aliases: 'finish hang up' },
  { id: 'contact.release', hint: 'release', label: 'Release the contact back to the queue', group: 'A contact', scope: 'contact', keys: ['Alt+R'], inFields: true },
  { id: 'contact.transfer', hint: 'transfer', label: 'Transfer the contact…', group: 'A contact', scope: 'contact', keys: ['Alt+T'], inFields: true, aliases: 'move hand over' },
  { id: 'contact.escalate', hint: 'ask for help', label: 'Ask a supervisor for help…', group: 'A contact', scope: 'contact', keys: ['Alt+H'], inFields: true, aliases: 'escalate' },

  // The follow-ups screen reads its action keys from these (FollowUpDialogs' ACTION_KEYS); none is A or D, the offer's keys.
  { id: 'followUps.complete', label: 'Complete the chosen follow-up', group: 'Follow-ups', scope: 'shell', keys: ['C'], local: true },
  { id: 'followUps.reschedule', label: 'Reschedule the chosen follow-up', group: 'Follow-ups', scope: 'shell', keys: ['R'], local: true },
  { id: 'followUps.snooze', label: 'Snooze the chosen follow-up', group: 'Follow-ups', scope: 'shell', keys: ['S'], local: true },
  { id: 'followUps.cancel', label: 'Cancel the chosen follow-up', group: 'Follow-ups', scope: 'shell', keys: ['X'], local: true },
  { id: 'followUps.reassign', label: 'Give the chosen follow-up to someone else', group: 'Follow-ups', scope: 'shell', keys: ['G'], local: true, roles: ['supervisor', 'admin'] },
  { id: 'floor.presence', label: 'Set the presence of the person in focus', group: 'Floor', scope: 'shell', keys: ['P'], local: true, roles: ['supervisor', 'admin'] },
  { id: 'floor.transfer', label: 'Move or offer the waiting contact in focus', group: 'Floor', scope: 'shell', keys: ['T'], local: true, roles: ['supervisor', 'admin'] },
  { id: 'customers.move', label: 'Move through the list and open a customer', group: 'Customers', scope: 'shell', keys: ['ArrowUp', 'ArrowDown', 'Enter'], local: true },
  { id: 'customers.note', label: 'Add the note you are writing', group: 'Customers', scope: 'shell', keys: ['Mod+Enter'], local: true },
];

const BY_ID = new Map(COMMANDS.map((command) => [command.id, command]));

export function commandSpec(id: string): CommandSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`No command is declared as "${id}"`);
  return spec;
}

/** Whether someone with `role` has the command (sections follow their own rule). */
export function commandFor(spec: CommandSpec, role: Role | undefined): boolean {
  if (spec.id.startsWith('go.')) return sectionsFor(role).some((section) => `go.${section.id}` === spec.id);
  return !spec.roles || (role !== undefined && spec.roles.includes(role));
}

/** The shortcuts sheet: every command with keys someone with `role` has, by group, in declaration order. */
export function shortcutSheet(role: Role | undefined): { title: string; commands: CommandSpec[] }[] {
  const groups = new Map<string, CommandSpec[]>();
  for (const spec of COMMANDS) {
    if (spec.keys.length === 0 || !commandFor(spec, role)) continue;
    groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  }
  return [...groups].map(([title, commands]) => ({ title, commands }));
}
