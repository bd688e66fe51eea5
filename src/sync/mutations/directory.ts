/**
 * The directory: people, teams and queues, kept by administrators. Every
 * mutation here runs alone on the hub: it changes who may see and take what.
 */
import { z } from 'zod';
import { ChannelSchema, IdSchema, TimeZoneSchema, shortText } from '../../domain/common';
import { newPresence, newUser, presenceMoved, QueueSchema, RoleSchema, UserSchema, WorkingHoursSchema, type User } from '../../domain/model';
import { requireAdmin } from './access';
import { DomainError, type MutationContext } from './context';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';
import { invalidInput, need } from './helpers';

/** Every team named exists (on the hub; a desktop may not have synced a team just made). */
async function requireTeams(ctx: MutationContext, teamIds: readonly string[]): Promise<void> {
  if (!ctx.authoritative) return;
  for (const teamId of teamIds) await need(ctx, 'team', teamId);
}

function validUser(row: unknown): User {
  const parsed = UserSchema.safeParse(row);
  if (!parsed.success) throw invalidInput(parsed.error, 'user');
  return parsed.data;
}

/** An administrator adds a person (their password is set on the hub, never through sync). */
export const createUser = defineMutation({
  name: 'user.create',
  args: z
    .object({
      id: IdSchema,
      username: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9._-]{2,40}$/, 'A user name is 2–40 lowercase letters, digits, . _ or -.'),
      name: shortText(100),
      role: RoleSchema,
      teamIds: z.array(IdSchema).max(50).default([]),
      skills: z.array(shortText(40)).max(50).default([]),
      timeZone: TimeZoneSchema.default('UTC'),
    })
    .strict(),
  entities: ['user', 'team', 'presence'],
  // Its rule also reads who holds the user name.
  serial: true,
  rule: async (ctx, args) => {
    requireAdmin(ctx.actor, 'addPeople');
    const existing = await ctx.store.get('user', args.id);
    if (existing) {
      if (existing.username === args.username) return;
      throw new DomainError('invalid', REJECTIONS.personIdTaken);
    }
    const holder = await ctx.store.usernameHolder(args.username);
    // `field` names the form field the refusal belongs under, so a screen places it without reading its words.
    if (holder !== null && holder !== args.id) throw new DomainError('invalid', REJECTIONS.usernameTaken, { username: args.username, field: 'username' });
    await requireTeams(ctx, args.teamIds);
    await ctx.store.put('user', validUser(newUser({ ...args, teamIds: [...new Set(args.teamIds)] })));
    await ctx.store.put('presence', newPresence(args.id, ctx.now));
  },
});

/** An administrator changes a person: their details, role, teams, or switches them off (`disabled`). */
export const updateUser = defineMutation({
  name: 'user.update',
  args: z
    .object({
      userId: IdSchema,
      name: shortText(100).optional(),
      role: RoleSchema.optional(),
      teamIds: z.array(IdSchema).max(50).optional(),
      skills: z.array(shortText(40)).max(50).optional(),
      timeZone: TimeZoneSchema.optional(),
      workingHours: WorkingHoursSchema.optional(),
      followUpCapacity: z.number().int().min(1).max(100).optional(),
      disabled: z.boolean().optional(),
    })
    .strict()
    .refine((args) => Object.entries(args).some(([key, value]) => key !== 'userId' && value !== undefined), 'a person update changes at least one field'),
  entities: ['user', 'team', 'presence'],
  serial: true,
  rule: async (ctx, { userId, ...patch }) => {
    requireAdmin(ctx.actor, 'changePeople');
    const user = await need(ctx, 'user', userId);
    if (userId === ctx.actor.userId) {
      if (patch.disabled === true) throw new DomainError('forbidden', REJECTIONS.cannotDisableSelf);
      if (patch.role !== undefined && patch.role !== 'admin') throw new DomainError('forbidden', REJECTIONS.cannotDemoteSelf);
    }
    if (patch.teamIds) await requireTeams(ctx, patch.teamIds.filter((team) => !user.teamIds.includes(team)));
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<User>;
    const next = validUser({ ...user, ...defined, teamIds: patch.teamIds ? [...new Set(patch.teamIds)] : user.teamIds });
    if (JSON.stringify(next) === JSON.stringify(user)) return;
    await ctx.store.put('user', next);
    if (next.disabled && !user.disabled) {
      // Someone switched off is offline at once: nothing is offered to them. An admin's desktop may not hold
      // their presence (it syncs to their team's supervisors); the hub has it.
      const presence = await ctx.store.get('presence', userId);
      if (presence?.presence !== 'offline' && (presence || ctx.authoritative)) {
        await ctx.store.put('presence', presenceMoved(presence ?? newPresence(userId, ctx.now), 'offline', ctx.now));
      }
    }
  },
});

/** An administrator makes a team, renames one, or sets its policy (may its agents merge customers). */
export const saveTeam = defineMutation({
  name: 'team.save',
  args: z
    .object({
      id: IdSchema,
      name: shortText(100),
      /** Left out: as it was (a new team's agents may not merge customers). */
      agentsMayMerge: z.boolean().optional(),
    })
    .strict(),
  entities: ['team'],
  serial: true,
  rule: async (ctx, { id, name, agentsMayMerge }) => {
    requireAdmin(ctx.actor, 'changeTeams');
    const team = await ctx.store.get('team', id);
    const next = { id, name, agentsMayMerge: agentsMayMerge ?? team?.agentsMayMerge ?? false };
    if (team?.name === next.name && team.agentsMayMerge === next.agentsMayMerge) return;
    await ctx.store.put('team', next);
  },
});

/** An administrator makes a queue or changes one. */
export const saveQueue = defineMutation({
  name: 'queue.save',
  args: z
    .object({
      id: IdSchema,
      name: shortText(100),
      teamId: IdSchema,
      channels: z.array(ChannelSchema).min(1, 'a queue takes at least one channel').max(10),
      topics: z.array(shortText(40)).max(50).default([]),
      slaSeconds: z.number().int().min(10, 'an SLA is at least 10 seconds').max(14 * 24 * 3600, 'an SLA is at most 14 days'),
      skills: z.array(shortText(40)).max(20).default([]),
    })
    .strict(),
  entities: ['queue', 'team'],
  serial: true,
  rule: async (ctx, args) => {
    requireAdmin(ctx.actor, 'changeQueues');
    await requireTeams(ctx, [args.teamId]);
    const parsed = QueueSchema.safeParse({ ...args, channels: [...new Set(args.channels)] });
    if (!parsed.success) throw invalidInput(parsed.error, 'queue');
    const current = await ctx.store.get('queue', args.id);
    if (current && JSON.stringify(current) === JSON.stringify(parsed.data)) return;
    await ctx.store.put('queue', parsed.data);
  },
});
