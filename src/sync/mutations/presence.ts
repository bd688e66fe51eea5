/** A person's presence: set by hand (by them, or by a supervisor of theirs), and moved by the work (claim, end, wrap-up). */
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import { newNotification, newPresence, presenceMoved, PresenceSchema, type Presence } from '../../domain/model';
import { requireSupervisesUser } from './access';
import type { MutationContext } from './context';
import { NOTIFICATION_MESSAGES, noticeText, presenceKey } from './notices';
import { defineMutation } from './define';
import { personOf } from './helpers';

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

/** A supervisor sets the presence of someone in their teams (from the floor view); the person is told. */
export const setPresenceFor = defineMutation({
  name: 'presence.setFor',
  args: z
    .object({
      /** The notification's id, made on the desktop. */
      id: IdSchema,
      userId: IdSchema,
      presence: PresenceSchema,
    })
    .strict(),
  entities: ['presence', 'user', 'notification'],
  rule: async (ctx, { id, userId, presence }) => {
    if (userId === ctx.actor.userId) return setOwnPresence(ctx, presence);
    await requireSupervisesUser(ctx, userId, 'setOthersPresence');
    const current = await ctx.store.get('presence', userId);
    // A desktop that does not hold their presence leaves it to the hub.
    if (!current && !ctx.authoritative) return;
    const row = current ?? newPresence(userId, ctx.now);
    if (row.presence === presence) return;
    await ctx.store.put('presence', presenceMoved(row, presence, ctx.now));
    const supervisor = (await personOf(ctx, ctx.actor.userId)).first;
    await ctx.store.put(
      'notification',
      newNotification({ id, userId, kind: 'presence', fromId: ctx.actor.userId, ...noticeText(NOTIFICATION_MESSAGES.presenceSet, { name: supervisor, presence: presenceKey(presence) }), at: ctx.madeAt }),
    );
  },
});
