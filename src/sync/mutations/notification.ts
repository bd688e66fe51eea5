/** A person's notifications: marked read once seen. */
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import { defineMutation } from './define';

export const readNotifications = defineMutation({
  name: 'notification.read',
  args: z.object({ ids: z.array(IdSchema).min(1).max(500, 'at most 500 notifications at once') }).strict(),
  entities: ['notification'],
  rule: async (ctx, { ids }) => {
    for (const id of ids) {
      const notification = await ctx.store.get('notification', id);
      // One that never reached this desktop, or is for someone else, is not this person's to mark (the hub
      // answers as their desktop, which never holds another's, does: nothing happens).
      if (!notification || notification.readAt !== null || notification.userId !== ctx.actor.userId) continue;
      await ctx.store.put('notification', { ...notification, readAt: ctx.madeAt });
    }
  },
});
