/** The workstation's sections, in navigation order. Alt+1…7 jumps to each. */
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { Role } from '@core/domain/model';

export interface Section {
  id: 'queue' | 'customers' | 'follow-ups' | 'dashboard' | 'scripts' | 'settings' | 'admin';
  label: MessageDescriptor;
  path: string;
  /** Digit for the Alt+digit shortcut. */
  key: string;
  description: MessageDescriptor;
  /** Only these roles see the section (everyone when left out). */
  roles?: readonly Role[];
}

const LABELS = defineMessages({
  queue: { id: 'shell.sections.queue.label', defaultMessage: 'Queue' },
  customers: { id: 'shell.sections.customers.label', defaultMessage: 'Customers' },
  followUps: { id: 'shell.sections.followUps.label', defaultMessage: 'Follow-ups' },
  dashboard: { id: 'shell.sections.dashboard.label', defaultMessage: 'Dashboard' },
  scripts: { id: 'shell.sections.scripts.label', defaultMessage: 'Scripts' },
  settings: { id: 'shell.sections.settings.label', defaultMessage: 'Settings' },
  admin: { id: 'shell.sections.admin.label', defaultMessage: 'Admin' },
});

const DESCRIPTIONS = defineMessages({
  queue: { id: 'shell.sections.queue.description', defaultMessage: 'Contacts waiting for you and your team' },
  customers: { id: 'shell.sections.customers.description', defaultMessage: 'Every customer and their history' },
  followUps: { id: 'shell.sections.followUps.description', defaultMessage: 'Callbacks and check-ins you planned' },
  dashboard: { id: 'shell.sections.dashboard.description', defaultMessage: 'Your own figures; for supervisors, the team’s and the live floor' },
  scripts: { id: 'shell.sections.scripts.description', defaultMessage: 'Conversation scripts and empathy prompts' },
  settings: { id: 'shell.sections.settings.description', defaultMessage: 'Appearance, your account, hub connection and this device' },
  admin: { id: 'shell.sections.admin.description', defaultMessage: 'People, teams, queues and integration keys' },
});

/** "Go to …" for each section: a whole sentence each, so every language can word it its own way. */
export const GO_TO_SECTION = defineMessages({
  queue: { id: 'commands.go.queue', defaultMessage: 'Go to Queue' },
  customers: { id: 'commands.go.customers', defaultMessage: 'Go to Customers' },
  'follow-ups': { id: 'commands.go.followUps', defaultMessage: 'Go to Follow-ups' },
  dashboard: { id: 'commands.go.dashboard', defaultMessage: 'Go to Dashboard' },
  scripts: { id: 'commands.go.scripts', defaultMessage: 'Go to Scripts' },
  settings: { id: 'commands.go.settings', defaultMessage: 'Go to Settings' },
  admin: { id: 'commands.go.admin', defaultMessage: 'Go to Admin' },
});

export const SECTIONS: readonly Section[] = [
  { id: 'queue', label: LABELS.queue, path: '/queue', key: '1', description: DESCRIPTIONS.queue },
  { id: 'customers', label: LABELS.customers, path: '/customers', key: '2', description: DESCRIPTIONS.customers },
  { id: 'follow-ups', label: LABELS.followUps, path: '/follow-ups', key: '3', description: DESCRIPTIONS.followUps },
  { id: 'dashboard', label: LABELS.dashboard, path: '/dashboard', key: '4', description: DESCRIPTIONS.dashboard },
  { id: 'scripts', label: LABELS.scripts, path: '/scripts', key: '5', description: DESCRIPTIONS.scripts },
  { id: 'settings', label: LABELS.settings, path: '/settings', key: '6', description: DESCRIPTIONS.settings },
  { id: 'admin', label: LABELS.admin, path: '/admin', key: '7', description: DESCRIPTIONS.admin, roles: ['admin'] },
];

/** The sections someone with `role` sees (all of them before anyone is known). */
export function sectionsFor(role: Role | undefined): readonly Section[] {
  return SECTIONS.filter((section) => !section.roles || (role !== undefined && section.roles.includes(role)));
}

export const DEFAULT_PATH = '/queue';

/** The section a path belongs to (`/customer?id=…` belongs to Customers). */
export function sectionForPath(path: string): Section | undefined {
  const pathname = path.split('?')[0] ?? path;
  if (pathname === '/customer' || pathname.startsWith('/customers')) return SECTIONS.find((s) => s.id === 'customers');
  if (pathname === '/contact') return SECTIONS.find((s) => s.id === 'queue');
  if (pathname === '/knowledge') return SECTIONS.find((s) => s.id === 'scripts');
  if (pathname === '/floor') return SECTIONS.find((s) => s.id === 'dashboard');
  return SECTIONS.find((section) => pathname === section.path || pathname.startsWith(`${section.path}/`));
}
