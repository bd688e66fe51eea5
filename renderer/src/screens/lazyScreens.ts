/**
 * Every screen but the queue is its own chunk, fetched when first opened or,
 * normally, before that while the agent is idle after sign-in (see
 * SignedInShell). The queue is part of the signed-in shell's chunk: it is the
 * screen an agent lands on.
 */
import type { Role } from '@core/domain/model';
import { lazyWithPreload } from '../lib/lazyWithPreload';

export const CustomerScreen = lazyWithPreload(() => import('./CustomerScreen'), (module) => module.CustomerScreen);
export const ContactScreen = lazyWithPreload(() => import('./contact/ContactScreen'), (module) => module.ContactScreen);
export const CustomersScreen = lazyWithPreload(() => import('./CustomersScreen'), (module) => module.CustomersScreen);
export const FollowUpsScreen = lazyWithPreload(() => import('./follow-ups/FollowUpsScreen'), (module) => module.FollowUpsScreen);
export const ScriptsScreen = lazyWithPreload(() => import('./scripts/ScriptsScreen'), (module) => module.ScriptsScreen);
export const KnowledgeScreen = lazyWithPreload(() => import('./knowledge/KnowledgeScreen'), (module) => module.KnowledgeScreen);
export const DashboardScreen = lazyWithPreload(() => import('./dashboard/DashboardScreen'), (module) => module.DashboardScreen);
export const FloorScreen = lazyWithPreload(() => import('./floor/FloorScreen'), (module) => module.FloorScreen);
export const SettingsScreen = lazyWithPreload(() => import('./SettingsScreen'), (module) => module.SettingsScreen);
export const AdminScreen = lazyWithPreload(() => import('./admin/AdminScreen'), (module) => module.AdminScreen);

/** In the order an agent is likely to need them: a customer and a contact come from the queue. */
const EVERYONES = [CustomerScreen, ContactScreen, FollowUpsScreen, CustomersScreen, ScriptsScreen, KnowledgeScreen, SettingsScreen, DashboardScreen];

/** The chunks worth warming for this person: only supervisors see the floor, only administrators the admin screens. */
export function screensToPreload(role: Role | undefined): (() => Promise<unknown>)[] {
  const supervising = role === 'supervisor' || role === 'admin';
  const screens = [...EVERYONES, ...(supervising ? [FloorScreen] : []), ...(role === 'admin' ? [AdminScreen] : [])];
  return screens.map((screen) => screen.preload);
}
