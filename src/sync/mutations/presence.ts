/** A person's presence: set by hand, and moved by the work (claim, end, wrap-up). */
import { z } from 'zod';
import { newPresence, presenceMoved, PresenceSchema, type Presence } from '../../domain/model';
import type { MutationContext } from './context';
import { defineMutation } from './define';

/**
 * Presence follows the work: busy while handling, after-contact work while
 * wrapping up, then available. A missing presence row (not pulled yet) counts
 * as offline since now: the change names no one else, so nothing to refuse.
 */
export async function setOwnPresence(ctx: MutationContext, presence: Presence): Promise<void> {
  const current = (await ctx.store.get('presence', ctx.actor.userId)) ?? newPresence(ctx.actor.userId, ctx.now);
  if (current.presence === presence) return;
  await ctx.store.put('presence', presenceMoved(current, presence, ctx.now));
}

/** A person sets their own presence; the work moves it too (claim, end, wrap-up). */
export const setPresence = defineMutation({
  name: 'presence.set',
  args: z.object({ presence: PresenceSchema }).strict(),
  entities: ['presence'],
  rule: async (ctx, { presence }) => {
    await setOwnPresence(ctx, presence);
  },
});
