/**
 * Who may.
 *
 * Each idea once; docs/permissions.md (from ../permissions) says who may do
 * what. A check that needs a row a desktop may not hold yet (another team's
 * queue, a person added since its last pull) lets the change through on the
 * desktop and leaves the refusal to the hub, which holds every row: an
 * offline desktop must not refuse what the hub would take.
 */
import type { Contact, SurveyResponse, User } from '../../domain/model';
import { DomainError, type Actor, type MutationContext } from './context';
import { REJECTIONS, type AdminAction, type SupervisorAction } from './rejections';
import { personOf } from './helpers';

export const isSupervisor = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';
export const isAdmin = (actor: Actor) => actor.role === 'admin';

export function requireAdmin(actor: Actor, action: AdminAction): void {
  if (!isAdmin(actor)) throw new DomainError('forbidden', REJECTIONS.onlyAdmins, { action });
}

export function requireSupervisor(actor: Actor, action: SupervisorAction): void {
  if (!isSupervisor(actor)) throw new DomainError('forbidden', REJECTIONS.onlySupervisors, { action });
}

/**
 * Supervisors and admins merge customers; an agent may when one of their
 * teams' policy allows it. A desktop that lacks a team row leaves it to the hub.
 */
export async function requireMergeRights(ctx: MutationContext): Promise<void> {
  if (isSupervisor(ctx.actor)) return;
  for (const teamId of ctx.actor.teamIds) {
    const team = await ctx.store.get('team', teamId);
    if (team?.agentsMayMerge || (!team && !ctx.authoritative)) return;
  }
  throw new DomainError('forbidden', REJECTIONS.mergeRights);
}

/** A supervisor in the team, or an admin. */
export const supervisesTeam = (actor: Actor, teamId: string) => isAdmin(actor) || (isSupervisor(actor) && actor.teamIds.includes(teamId));

/** A supervisor sharing a team with the person, or an admin. */
export const supervisesPerson = (actor: Actor, person: Pick<User, 'teamIds'>) =>
  isAdmin(actor) || (isSupervisor(actor) && person.teamIds.some((team) => actor.teamIds.includes(team)));

/** Agents and supervisors work the queues of their own teams; admins any. */
export async function worksQueue(ctx: MutationContext, queueId: string): Promise<boolean> {
  if (isAdmin(ctx.actor)) return true;
  const queue = await ctx.store.get('queue', queueId);
  if (!queue) return !ctx.authoritative;
  return ctx.actor.teamIds.includes(queue.teamId);
}

/** Whether the actor supervises the person with this id. */
export async function supervisesUser(ctx: MutationContext, userId: string): Promise<boolean> {
  if (isAdmin(ctx.actor)) return true;
  if (!isSupervisor(ctx.actor)) return false;
  const user = await ctx.store.get('user', userId);
  if (!user) return !ctx.authoritative;
  return supervisesPerson(ctx.actor, user);
}

/**
 * Refuses unless the actor supervises this person (follow-ups are given to
 * people of one's own teams). An unknown person is not found on the hub; a
 * desktop may not know them yet.
 */
export async function requireSupervisesUser(ctx: MutationContext, userId: string, action: SupervisorAction): Promise<void> {
  requireSupervisor(ctx.actor, action);
  const user = await ctx.store.get('user', userId);
  if (!user) {
    if (ctx.authoritative) throw new DomainError('not_found', REJECTIONS.unknownPerson, { id: userId });
    return;
  }
  if (!supervisesPerson(ctx.actor, user)) throw new DomainError('forbidden', REJECTIONS.notYourTeam, { name: user.name });
}

/** A supervisor of a contact's team (its queue's, or that of the agent who handled it), or an admin. */
export async function supervisesContact(ctx: MutationContext, contact: Contact): Promise<boolean> {
  if (isAdmin(ctx.actor)) return true;
  if (!isSupervisor(ctx.actor)) return false;
  if (contact.queueId !== null && (await worksQueue(ctx, contact.queueId))) return true;
  return contact.agentId !== null && (await supervisesUser(ctx, contact.agentId));
}

/**
 * A survey counts for the agent who handled its contact: only they, or a
 * supervisor of the contact's team, record it.
 */
export async function requireSurveyRights(ctx: MutationContext, contact: Contact): Promise<void> {
  if (contact.agentId === ctx.actor.userId || (await supervisesContact(ctx, contact))) return;
  if (contact.agentId === null) throw new DomainError('forbidden', REJECTIONS.surveyNobodyHandled);
  const handler = await personOf(ctx, contact.agentId);
  throw new DomainError('forbidden', REJECTIONS.surveyHandledBy, { name: handler.name, first: handler.first });
}

/** The refusal for a survey id already used on another contact: a survey is never moved or replaced from elsewhere. */
export async function surveyOfAnotherContact(ctx: MutationContext, survey: SurveyResponse): Promise<DomainError> {
  if (survey.agentId === null) return new DomainError('forbidden', REJECTIONS.surveyOfAnotherContact);
  return new DomainError('forbidden', REJECTIONS.surveyOfAnothersContact, { name: (await personOf(ctx, survey.agentId)).name });
}
