/** The workstation's sections, in navigation order. Alt+1…7 jumps to each. */
import type { Role } from '@core/domain/model';

export interface Section {
  id: 'queue' | 'customers' | 'follow-ups' | 'dashboard' | 'scripts' | 'settings' | 'admin';
  label: string;
  path: string;
  /** Digit for the Alt+digit shortcut. */
  key: string;
  description: string;
  /** Only these roles see the section (everyone when left out). */
  roles?: readonly Role[];
}

export const SECTIONS: readonly Section[] = [
  { id: 'queue', label: 'Queue', path: '/queue', key: '1', description: 'Contacts waiting for you and your team' },
  { id: 'customers', label: 'Customers', path: '/customers', key: '2', description: 'Every customer and their history' },
  { id: 'follow-ups', label: 'Follow-ups', path: '/follow-ups', key: '3', description: 'Callbacks and check-ins you planned' },
  { id: 'dashboard', label: 'Dashboard', path: '/dashboard', key: '4', description: 'Your own figures; for supervisors, the team’s and the live floor' },
  { id: 'scripts', label: 'Scripts', path: '/scripts', key: '5', description: 'Conversation scripts and empathy prompts' },
  { id: 'settings', label: 'Settings', path: '/settings', key: '6', description: 'Appearance, your account, hub connection and this device' },
  { id: 'admin', label: 'Admin', path: '/admin', key: '7', description: 'People, teams, queues and integration keys', roles: ['admin'] },
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
