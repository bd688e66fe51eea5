/** Small reads the rules share. */
import type { EntityName, EntityRow } from '../entities';
import { DomainError, type MutationContext } from './context';

export async function need<E extends EntityName>(ctx: MutationContext, entity: E, id: string, label: string): Promise<EntityRow<E>> {
  const row = await ctx.store.get(entity, id);
  if (!row) throw new DomainError('not_found', `That ${label} does not exist (${id}).`);
  return row;
}

/** "Ben" for a user id, or "Another agent" when the user is unknown here. */
export async function firstNameOf(ctx: MutationContext, userId: string): Promise<string> {
  const user = await ctx.store.get('user', userId);
  return user?.name.split(/\s+/)[0] ?? 'Another agent';
}

/** "Ben Okafor" and "Ben" for a user id, or "another agent" when the user is unknown here. */
export async function personOf(ctx: MutationContext, userId: string): Promise<{ name: string; first: string }> {
  const user = await ctx.store.get('user', userId);
  return user ? { name: user.name, first: user.name.split(/\s+/)[0]! } : { name: 'another agent', first: 'that agent' };
}
