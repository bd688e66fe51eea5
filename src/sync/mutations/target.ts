/** Supervisors' targets for teams and queues. */
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import { targetId } from '../../domain/model';
import { requireSupervisor, supervisesTeam } from './access';
import { DomainError } from './context';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';
import { need } from './helpers';

/**
 * A supervisor's targets for a team (AHT, CSAT, FCR, service level) or a queue (SLA and service level); null clears one.
 * Supervisors set targets for their own teams and those teams' queues (admins for any).
 */
export const setTarget = defineMutation({
  name: 'target.set',
  args: z
    .object({
      scope: z.enum(['team', 'queue']),
      scopeId: IdSchema,
      ahtSeconds: z.number().int().min(10, 'an AHT target is at least 10 seconds').max(24 * 3600).nullable().optional(),
      csat: z.number().min(1, 'a CSAT target is between 1 and 5').max(5, 'a CSAT target is between 1 and 5').nullable().optional(),
      fcr: z.number().min(0, 'an FCR target is a share between 0 and 1').max(1, 'an FCR target is a share between 0 and 1').nullable().optional(),
      serviceLevel: z.number().min(0, 'a service-level target is a share between 0 and 1').max(1, 'a service-level target is a share between 0 and 1').nullable().optional(),
      slaSeconds: z.number().int().min(10, 'an SLA is at least 10 seconds').max(14 * 24 * 3600).nullable().optional(),
    })
    .strict(),
  entities: ['target', 'team', 'queue'],
  // A queue's service-level target moves the queue's SLA.
  serial: true,
  rule: async (ctx, args) => {
    requireSupervisor(ctx.actor, 'setTargets');
    const queue = args.scope === 'queue' ? await need(ctx, 'queue', args.scopeId) : null;
    const teamId = queue ? queue.teamId : (await need(ctx, 'team', args.scopeId)).id;
    if (!queue && args.slaSeconds != null) throw new DomainError('invalid', REJECTIONS.slaPerQueue);
    if (!supervisesTeam(ctx.actor, teamId)) throw new DomainError('forbidden', REJECTIONS.targetsOwnTeamsOnly);
    if (queue && args.slaSeconds != null && args.slaSeconds !== queue.slaSeconds) await ctx.store.put('queue', { ...queue, slaSeconds: args.slaSeconds });
    const id = targetId(args.scope, args.scopeId);
    const current = await ctx.store.get('target', id);
    const pick = <K extends 'ahtSeconds' | 'csat' | 'fcr' | 'serviceLevel' | 'slaSeconds'>(key: K) => (args[key] === undefined ? (current?.[key] ?? null) : args[key]);
    await ctx.store.put('target', {
      id,
      scope: args.scope,
      scopeId: args.scopeId,
      ahtSeconds: pick('ahtSeconds'),
      csat: pick('csat'),
      fcr: pick('fcr'),
      serviceLevel: pick('serviceLevel'),
      slaSeconds: pick('slaSeconds'),
      updatedAt: ctx.madeAt,
      updatedBy: ctx.actor.userId,
    });
  },
});
