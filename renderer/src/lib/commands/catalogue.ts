/**
 * Every command of the workstation, declared once: what it is called, its keys,
 * where it applies. The key dispatcher, the command palette, the shortcuts sheet
 * and the hints on buttons all read this list; screens only bind handlers to ids
 * (`useCommands`). Pure data, so tests read it without a browser.
 */
import { defineMessage, defineMessages, type MessageDescriptor } from 'react-intl';
import type { Role } from '@core/domain/model';
import { GO_TO_SECTION, sectionsFor, SECTIONS, type Section } from '../../sections';

/**
 * Where a command's key works. `shell` commands can be live on every screen
 * (the offer's A/D too), so their keys must differ from every other command's;
 * screen scopes are live one at a time and may reuse each other's keys.
 */
export type CommandScope = 'shell' | 'queue' | 'contact';

export interface CommandSpec {
  id: string;
  /** What it does, as the palette and the sheet say it. */
  label: MessageDescriptor;
  /** The sheet's and the palette's heading. */
  group: MessageDescriptor;
  scope: CommandScope;
  /** Chords (see keys.ts); a command without keys is run from the palette only. */
  keys: readonly string[];
  /** Also works while typing in a text field (Alt and Ctrl chords); plain keys never do. */
  inFields?: boolean;
  /** Keys the focused control handles itself (lists, fields, script steps): on the sheet, never dispatched or in the palette. */
  local?: boolean;
  /** A few words for a hints row ("end and wrap up"). */
  hint?: MessageDescriptor;
  /** Words the palette also matches (in the agent's language). */
  aliases?: MessageDescriptor;
  /** Only these roles have it (everyone when left out). */
  roles?: readonly Role[];
}

const GROUPS = defineMessages({
  sections: { id: 'commands.group.sections', defaultMessage: 'Sections' },
  everywhere: { id: 'commands.group.everywhere', defaultMessage: 'Everywhere' },
  presence: { id: 'commands.group.presence', defaultMessage: 'Presence' },
  device: { id: 'commands.group.device', defaultMessage: 'This device' },
  offers: { id: 'commands.group.offers', defaultMessage: 'Offers' },
  queue: { id: 'commands.group.queue', defaultMessage: 'Queue' },
  contact: { id: 'commands.group.contact', defaultMessage: 'A contact' },
  followUps: { id: 'commands.group.followUps', defaultMessage: 'Follow-ups' },
  floor: { id: 'commands.group.floor', defaultMessage: 'Floor' },
  customers: { id: 'commands.group.customers', defaultMessage: 'Customers' },
});

const sectionCommand = (section: Section): CommandSpec => ({
  id: `go.${section.id}`,
  label: GO_TO_SECTION[section.id],
  group: GROUPS.sections,
  scope: 'shell',
  keys: [`Alt+${section.key}`],
  inFields: true,
  aliases: section.description,
  ...(section.roles ? { roles: section.roles } : {}),
});

export const COMMANDS: readonly CommandSpec[] = [
  ...SECTIONS.map(sectionCommand),
  { id: 'palette.open', label: defineMessage({ id: 'commands.palette.open.label', defaultMessage: 'Search customers, articles and commands' }), group: GROUPS.everywhere, scope: 'shell', keys: ['Mod+K'], inFields: true, aliases: defineMessage({ id: 'commands.palette.open.aliases', defaultMessage: 'find command palette' }) },
  { id: 'shortcuts.show', label: defineMessage({ id: 'commands.shortcuts.show.label', defaultMessage: 'Show these shortcuts' }), group: GROUPS.everywhere, scope: 'shell', keys: ['?'], aliases: defineMessage({ id: 'commands.shortcuts.show.aliases', defaultMessage: 'keyboard help' }) },
  { id: 'nav.sections', label: defineMessage({ id: 'commands.nav.sections.label', defaultMessage: 'Move between sections in the section list' }), group: GROUPS.everywhere, scope: 'shell', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], local: true },
  { id: 'nav.tab', label: defineMessage({ id: 'commands.nav.tab.label', defaultMessage: 'Move between controls' }), group: GROUPS.everywhere, scope: 'shell', keys: ['Tab', 'Shift+Tab'], local: true },
  { id: 'nav.close', label: defineMessage({ id: 'commands.nav.close.label', defaultMessage: 'Close a dialog or menu' }), group: GROUPS.everywhere, scope: 'shell', keys: ['Escape'], local: true },
  { id: 'presence.available', label: defineMessage({ id: 'commands.presence.available.label', defaultMessage: 'Set my presence to Available' }), group: GROUPS.presence, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.presence.available.aliases', defaultMessage: 'status ready' }) },
  { id: 'presence.away', label: defineMessage({ id: 'commands.presence.away.label', defaultMessage: 'Set my presence to Away' }), group: GROUPS.presence, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.presence.away.aliases', defaultMessage: 'status break' }) },
  { id: 'presence.after-contact-work', label: defineMessage({ id: 'commands.presence.afterContactWork.label', defaultMessage: 'Set my presence to After-contact work' }), group: GROUPS.presence, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.presence.afterContactWork.aliases', defaultMessage: 'status acw' }) },
  { id: 'sync.now', label: defineMessage({ id: 'commands.sync.now.label', defaultMessage: 'Sync now' }), group: GROUPS.device, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.sync.now.aliases', defaultMessage: 'refresh hub' }) },
  { id: 'theme.light', label: defineMessage({ id: 'commands.theme.light.label', defaultMessage: 'Use the light theme' }), group: GROUPS.device, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.theme.light.aliases', defaultMessage: 'appearance colour' }) },
  { id: 'theme.dark', label: defineMessage({ id: 'commands.theme.dark.label', defaultMessage: 'Use the dark theme' }), group: GROUPS.device, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.theme.dark.aliases', defaultMessage: 'appearance colour night' }) },
  { id: 'theme.system', label: defineMessage({ id: 'commands.theme.system.label', defaultMessage: 'Use the system theme' }), group: GROUPS.device, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.theme.system.aliases', defaultMessage: 'appearance colour' }) },
  { id: 'account.signOut', label: defineMessage({ id: 'commands.account.signOut.label', defaultMessage: 'Sign out…' }), group: GROUPS.device, scope: 'shell', keys: [], aliases: defineMessage({ id: 'commands.account.signOut.aliases', defaultMessage: 'log out' }) },

  { id: 'offer.accept', label: defineMessage({ id: 'commands.offer.accept.label', defaultMessage: 'Accept the contact offered to you' }), group: GROUPS.offers, scope: 'shell', keys: ['A'] },
  { id: 'offer.decline', label: defineMessage({ id: 'commands.offer.decline.label', defaultMessage: 'Decline the contact offered to you' }), group: GROUPS.offers, scope: 'shell', keys: ['D'] },

  { id: 'queue.takeNext', label: defineMessage({ id: 'commands.queue.takeNext.label', defaultMessage: 'Take the next contact' }), group: GROUPS.queue, scope: 'queue', keys: ['N'] },
  { id: 'queue.move', label: defineMessage({ id: 'commands.queue.move.label', defaultMessage: 'Move through the waiting contacts' }), group: GROUPS.queue, scope: 'queue', keys: ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'], local: true },
  { id: 'queue.take', label: defineMessage({ id: 'commands.queue.take.label', defaultMessage: 'Take the selected contact and open it' }), group: GROUPS.queue, scope: 'queue', keys: ['Enter'], local: true },
  { id: 'queue.claim', label: defineMessage({ id: 'commands.queue.claim.label', defaultMessage: 'Take the selected contact without opening it' }), group: GROUPS.queue, scope: 'queue', keys: ['C'], local: true },

  { id: 'contact.reply', hint: defineMessage({ id: 'commands.contact.reply.hint', defaultMessage: 'reply' }), label: defineMessage({ id: 'commands.contact.reply.label', defaultMessage: 'Go to the reply box' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+C'], inFields: true, aliases: defineMessage({ id: 'commands.contact.reply.aliases', defaultMessage: 'composer write' }) },
  { id: 'contact.send', label: defineMessage({ id: 'commands.contact.send.label', defaultMessage: 'Send the reply, add the note, or finish the wrap-up' }), group: GROUPS.contact, scope: 'contact', keys: ['Mod+Enter'], local: true },
  { id: 'script.focus', hint: defineMessage({ id: 'commands.script.focus.hint', defaultMessage: 'script' }), label: defineMessage({ id: 'commands.script.focus.label', defaultMessage: 'Go to the script' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+S'], inFields: true },
  { id: 'script.tick', label: defineMessage({ id: 'commands.script.tick.label', defaultMessage: 'Tick off the script step in focus' }), group: GROUPS.contact, scope: 'contact', keys: ['Space'], local: true },
  { id: 'script.stage', label: defineMessage({ id: 'commands.script.stage.label', defaultMessage: 'Next or previous script stage' }), group: GROUPS.contact, scope: 'contact', keys: ['ArrowRight', 'ArrowLeft'], local: true },
  { id: 'script.insertLine', label: defineMessage({ id: 'commands.script.insertLine.label', defaultMessage: 'Insert the script line in focus into the reply' }), group: GROUPS.contact, scope: 'contact', keys: ['I'], local: true },
  { id: 'script.promise', hint: defineMessage({ id: 'commands.script.promise.hint', defaultMessage: 'insert the promise' }), label: defineMessage({ id: 'commands.script.promise.label', defaultMessage: 'Insert the promise into the reply' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+P'], inFields: true, aliases: defineMessage({ id: 'commands.script.promise.aliases', defaultMessage: 'expectation when' }) },
  { id: 'script.savedReplies', hint: defineMessage({ id: 'commands.script.savedReplies.hint', defaultMessage: 'saved replies' }), label: defineMessage({ id: 'commands.script.savedReplies.label', defaultMessage: 'Search saved replies' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+K'], inFields: true, aliases: defineMessage({ id: 'commands.script.savedReplies.aliases', defaultMessage: 'templates knowledge' }) },
  { id: 'contact.end', hint: defineMessage({ id: 'commands.contact.end.hint', defaultMessage: 'end and wrap up' }), label: defineMessage({ id: 'commands.contact.end.label', defaultMessage: 'End the conversation and wrap up' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+E'], inFields: true, aliases: defineMessage({ id: 'commands.contact.end.aliases', defaultMessage: 'finish hang up' }) },
  { id: 'contact.release', hint: defineMessage({ id: 'commands.contact.release.hint', defaultMessage: 'release' }), label: defineMessage({ id: 'commands.contact.release.label', defaultMessage: 'Release the contact back to the queue' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+R'], inFields: true },
  { id: 'contact.transfer', hint: defineMessage({ id: 'commands.contact.transfer.hint', defaultMessage: 'transfer' }), label: defineMessage({ id: 'commands.contact.transfer.label', defaultMessage: 'Transfer the contact…' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+T'], inFields: true, aliases: defineMessage({ id: 'commands.contact.transfer.aliases', defaultMessage: 'move hand over' }) },
  { id: 'contact.escalate', hint: defineMessage({ id: 'commands.contact.escalate.hint', defaultMessage: 'ask for help' }), label: defineMessage({ id: 'commands.contact.escalate.label', defaultMessage: 'Ask a supervisor for help…' }), group: GROUPS.contact, scope: 'contact', keys: ['Alt+H'], inFields: true, aliases: defineMessage({ id: 'commands.contact.escalate.aliases', defaultMessage: 'escalate' }) },

  // The follow-ups screen reads its action keys from these (FollowUpDialogs' ACTION_KEYS); none is A or D, the offer's keys.
  { id: 'followUps.complete', label: defineMessage({ id: 'commands.followUps.complete.label', defaultMessage: 'Complete the chosen follow-up' }), group: GROUPS.followUps, scope: 'shell', keys: ['C'], local: true },
  { id: 'followUps.reschedule', label: defineMessage({ id: 'commands.followUps.reschedule.label', defaultMessage: 'Reschedule the chosen follow-up' }), group: GROUPS.followUps, scope: 'shell', keys: ['R'], local: true },
  { id: 'followUps.snooze', label: defineMessage({ id: 'commands.followUps.snooze.label', defaultMessage: 'Snooze the chosen follow-up' }), group: GROUPS.followUps, scope: 'shell', keys: ['S'], local: true },
  { id: 'followUps.cancel', label: defineMessage({ id: 'commands.followUps.cancel.label', defaultMessage: 'Cancel the chosen follow-up' }), group: GROUPS.followUps, scope: 'shell', keys: ['X'], local: true },
  { id: 'followUps.reassign', label: defineMessage({ id: 'commands.followUps.reassign.label', defaultMessage: 'Give the chosen follow-up to someone else' }), group: GROUPS.followUps, scope: 'shell', keys: ['G'], local: true, roles: ['supervisor', 'admin'] },
  { id: 'floor.presence', label: defineMessage({ id: 'commands.floor.presence.label', defaultMessage: 'Set the presence of the person in focus' }), group: GROUPS.floor, scope: 'shell', keys: ['P'], local: true, roles: ['supervisor', 'admin'] },
  { id: 'floor.transfer', label: defineMessage({ id: 'commands.floor.transfer.label', defaultMessage: 'Move or offer the waiting contact in focus' }), group: GROUPS.floor, scope: 'shell', keys: ['T'], local: true, roles: ['supervisor', 'admin'] },
  { id: 'customers.move', label: defineMessage({ id: 'commands.customers.move.label', defaultMessage: 'Move through the list and open a customer' }), group: GROUPS.customers, scope: 'shell', keys: ['ArrowUp', 'ArrowDown', 'Enter'], local: true },
  { id: 'customers.note', label: defineMessage({ id: 'commands.customers.note.label', defaultMessage: 'Add the note you are writing' }), group: GROUPS.customers, scope: 'shell', keys: ['Mod+Enter'], local: true },
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
export function shortcutSheet(role: Role | undefined): { title: MessageDescriptor; commands: CommandSpec[] }[] {
  const groups = new Map<MessageDescriptor, CommandSpec[]>();
  for (const spec of COMMANDS) {
    if (spec.keys.length === 0 || !commandFor(spec, role)) continue;
    groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  }
  return [...groups].map(([title, commands]) => ({ title, commands }));
}
