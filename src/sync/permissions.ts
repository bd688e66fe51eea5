/**
 * Who may make each mutation, to whose row: the rules the mutators in
 * ./mutations enforce, written down once. docs/permissions.md is generated
 * from this (tests/unit/permissions-doc.test.ts keeps them equal) and
 * tests/integration/permissions.test.ts checks every cell against a real hub.
 */
import type { MutationName } from './mutations';

/** The people a rule is stated for, relative to the row's owner (an agent) and the owner's team. */
export const PERMISSION_ACTORS = ['owner', 'teammate', 'otherAgent', 'supervisor', 'otherSupervisor', 'admin'] as const;
export type PermissionActor = (typeof PERMISSION_ACTORS)[number];

export const PERMISSION_ACTOR_LABELS: Record<PermissionActor, string> = {
  owner: 'Owner / handler (agent)',
  teammate: 'Another agent, same team',
  otherAgent: 'Agent of another team',
  supervisor: 'Supervisor of the team',
  otherSupervisor: 'Supervisor of another team',
  admin: 'Admin',
};

/** Allowed, refused, or allowed only when a condition holds. */
export type Permission = 'yes' | 'no' | { if: string };

export interface MutationPermissions {
  /** Whose row the columns are about. */
  row: string;
  cells: Record<PermissionActor, Permission>;
  /** The rule in one or two sentences. */
  rule: string;
}

const supervisorsOnly = (otherSupervisor: Permission): Record<PermissionActor, Permission> => ({
  owner: 'no',
  teammate: 'no',
  otherAgent: 'no',
  supervisor: 'yes',
  otherSupervisor,
  admin: 'yes',
});
const ownerOrSupervisors: Record<PermissionActor, Permission> = { ...supervisorsOnly('no'), owner: 'yes' };
const holderOnly: Record<PermissionActor, Permission> = { owner: 'yes', teammate: 'no', otherAgent: 'no', supervisor: 'no', otherSupervisor: 'no', admin: 'no' };
/** A follow-up is managed by its owner and the owner's supervisors, and by a supervisor of another team who planned it. */
const followUpCells: Record<PermissionActor, Permission> = { ...ownerOrSupervisors, otherSupervisor: { if: 'they planned it' } };
const adminsOnly: Record<PermissionActor, Permission> = { owner: 'no', teammate: 'no', otherAgent: 'no', supervisor: 'no', otherSupervisor: 'no', admin: 'yes' };
const everyone: Record<PermissionActor, Permission> = { owner: 'yes', teammate: 'yes', otherAgent: 'yes', supervisor: 'yes', otherSupervisor: 'yes', admin: 'yes' };

export const PERMISSIONS: { [N in MutationName]: MutationPermissions } = {
  'contact.claim': {
    row: 'a waiting contact in the team’s queue, on offer to the owner',
    cells: { ...ownerOrSupervisors, teammate: { if: 'not on offer to someone else' } },
    rule: 'Contacts are taken from the queues of one’s own teams (admins: any queue). A contact on offer to an agent is theirs until the offer lapses; a supervisor of the team may still take it.',
  },
  'contact.release': {
    row: 'a contact the owner has taken',
    cells: ownerOrSupervisors,
    rule: 'Whoever holds a contact gives it back to the queue; a supervisor of the queue’s team (or an admin) may give back anyone’s.',
  },
  'contact.decline': {
    row: 'a waiting contact on offer to the owner',
    cells: holderOnly,
    rule: 'Only the agent a contact is offered to declines it. For anyone else the change does nothing (it is not refused: a decline that crosses the offer moving on is no error).',
  },
  'contact.endConversation': {
    row: 'a contact the owner has taken',
    cells: holderOnly,
    rule: 'Only whoever holds a contact ends its conversation: it starts their after-contact work.',
  },
  'contact.addNote': {
    row: 'a customer the owner handles',
    cells: everyone,
    rule: 'Anyone who can see a customer adds notes; every signed-in person can bring any customer into view (search), so that is everyone. A note’s id is never taken over.',
  },
  'contact.reply': {
    row: 'a chat the owner has taken',
    cells: holderOnly,
    rule: 'Replies go out only from whoever holds the conversation, while it is taken or in wrap-up. A contact that is not in a queue takes no replies (the hub refuses; a desktop lacking the queue item leaves it to the hub).',
  },
  'contact.wrapUp': {
    row: 'a contact the owner has taken',
    cells: holderOnly,
    rule: 'Only whoever holds a contact wraps it up: the disposition, the script adherence and the after-contact time are theirs.',
  },
  'contact.transfer': {
    row: 'a contact the owner has taken',
    cells: ownerOrSupervisors,
    rule: 'Whoever holds a contact hands it on, to another queue or to a named agent who works that queue and is available (the hub knows, and says so when they are not); a supervisor of the queue’s team (or an admin) moves any open contact, waiting ones too. A move made on an out-of-date view (someone moved it meanwhile) is refused, not stacked on theirs.',
  },
  'contact.escalate': {
    row: 'a contact the owner has taken',
    cells: holderOnly,
    rule: 'Only whoever holds a contact asks for help with it; every supervisor of its queue’s team sees the request at once.',
  },
  'contact.takeOver': {
    row: 'a contact the owner has taken',
    cells: supervisorsOnly('no'),
    rule: 'A supervisor of the contact’s queue’s team (or an admin) takes it from whoever holds it; they are told, and are free for the next contact.',
  },
  'contact.advise': {
    row: 'a contact the owner has taken and escalated',
    cells: supervisorsOnly('no'),
    rule: 'A supervisor of the contact’s queue’s team (or an admin) answers an escalation with advice: a note on the contact, and the agent who asked is told.',
  },
  'customer.update': {
    row: 'a customer the owner handles',
    cells: { ...everyone, owner: { if: 'not the tier' }, teammate: { if: 'not the tier' }, otherAgent: { if: 'not the tier' } },
    rule: 'Anyone who can see a customer corrects their details; only supervisors and admins change the tier (customers belong to no team, so any supervisor).',
  },
  'customer.create': {
    row: 'a new customer',
    cells: everyone,
    rule: 'Anyone makes a customer by hand (a caller the system does not know), with a phone number or an email address to find them by; the timeline says who made them.',
  },
  'customer.merge': {
    row: 'two customers who are one person',
    cells: { ...supervisorsOnly('yes'), owner: { if: 'their team allows agents to merge' }, teammate: { if: 'their team allows agents to merge' }, otherAgent: { if: 'their team allows agents to merge' } },
    rule: 'Supervisors of any team (customers belong to no team) and admins merge a duplicate into the customer who stays, and agents of a team whose policy allows it (an administrator sets it with the team); the duplicate becomes a redirect, so changes and links that name it land on the survivor.',
  },
  'customer.unmerge': {
    row: 'a customer merged away',
    cells: supervisorsOnly('yes'),
    rule: 'The same people undo a merge: the rows it moved go back, and each customer has their own addresses and numbers again.',
  },
  'followUp.schedule': {
    row: 'a follow-up owned by the owner',
    cells: { ...ownerOrSupervisors, otherSupervisor: 'yes' },
    rule: 'Everyone plans their own follow-ups; one for someone else takes a supervisor (of any team: a supervisor may ask an agent of another team, say one who speaks the customer’s language) or an admin. An existing id is never overwritten.',
  },
  'followUp.reschedule': {
    row: 'the owner’s open follow-up',
    cells: followUpCells,
    rule: 'The owner of a follow-up, a supervisor of one of the owner’s teams, the supervisor who planned it, or an admin moves its due time.',
  },
  'followUp.snooze': {
    row: 'the owner’s open follow-up',
    cells: followUpCells,
    rule: 'The same people snooze it: its owner, a supervisor of one of the owner’s teams, the supervisor who planned it, or an admin.',
  },
  'followUp.reassign': {
    row: 'the owner’s open follow-up, given to a teammate',
    cells: { ...supervisorsOnly('no'), supervisor: { if: 'to someone in one of their teams' }, otherSupervisor: { if: 'they planned it, to someone in one of their teams' } },
    rule: 'A supervisor of one of the owner’s teams, or the supervisor who planned it, gives a follow-up to someone in one of the supervisor’s own teams; an admin to anyone. Agents, the owner included, cannot.',
  },
  'followUp.complete': {
    row: 'the owner’s open follow-up',
    cells: followUpCells,
    rule: 'Its owner, a supervisor of one of the owner’s teams, the supervisor who planned it, or an admin completes it. The satisfaction asked again is a new survey of the outcome contact: a survey id already in use (another contact’s, another agent’s) is refused, never replaced.',
  },
  'followUp.cancel': {
    row: 'the owner’s open follow-up',
    cells: followUpCells,
    rule: 'The same people cancel it, saying why: its owner, a supervisor of one of the owner’s teams, the supervisor who planned it, or an admin.',
  },
  'survey.record': {
    row: 'a contact the owner handled',
    cells: { ...ownerOrSupervisors, owner: { if: 'no answer is in yet' } },
    rule: 'A survey counts for the agent who handled the contact, so only they, a supervisor of the contact’s team (its queue’s or the agent’s) or an admin record it. A survey id stays with its contact: it is never moved to another. Once answered, only a supervisor of the team or an admin corrects it.',
  },
  'presence.set': {
    row: 'the owner’s presence',
    cells: holderOnly,
    rule: 'Everyone sets their own presence only: the change names no one else, so another person’s presence is never touched.',
  },
  'presence.setFor': {
    row: 'the owner’s presence',
    cells: ownerOrSupervisors,
    rule: 'A supervisor of one of the person’s teams (or an admin) sets their presence from the floor view, and they are told; anyone may set their own this way too.',
  },
  'notification.read': {
    row: 'a notification for the owner',
    cells: holderOnly,
    rule: 'Notifications reach only the person they are for, who marks them read.',
  },
  'script.save': {
    row: 'a script (scripts belong to no team)',
    cells: supervisorsOnly('yes'),
    rule: 'Supervisors of any team and admins write script drafts; agents follow published scripts.',
  },
  'script.publish': {
    row: 'a script draft (scripts belong to no team)',
    cells: supervisorsOnly('yes'),
    rule: 'Supervisors of any team and admins publish a valid draft.',
  },
  'target.set': {
    row: 'the targets of the owner’s team and its queues',
    cells: supervisorsOnly('no'),
    rule: 'Supervisors set targets for their own teams and those teams’ queues (a queue’s SLA too); admins for any.',
  },
  'article.save': {
    row: 'a knowledge article (articles belong to no team)',
    cells: supervisorsOnly('yes'),
    rule: 'Supervisors of any team and admins write knowledge articles; agents read them.',
  },
  'article.archive': {
    row: 'a knowledge article (articles belong to no team)',
    cells: supervisorsOnly('yes'),
    rule: 'Supervisors of any team and admins archive articles or put them back.',
  },
  'user.create': {
    row: 'a new person (the owner’s colleague)',
    cells: adminsOnly,
    rule: 'Only admins add people. A user name is unique on the hub (a taken one is refused, with a message saying so); every team named must exist. The password is set on the hub (a one-time password by an admin), never through sync.',
  },
  'user.update': {
    row: 'the owner’s account (name, role, teams, skills, hours, disabled)',
    cells: adminsOnly,
    rule: 'Only admins change people, their role and teams, or disable them (a disabled person is offline at once, cannot sign in and their sessions stop working). An admin cannot disable or demote themselves: another admin has to.',
  },
  'team.save': {
    row: 'the owner’s team',
    cells: adminsOnly,
    rule: 'Only admins make teams or rename them.',
  },
  'queue.save': {
    row: 'a queue of the owner’s team',
    cells: adminsOnly,
    rule: 'Only admins make queues or change them (name, team, channels, topics, SLA, skills); the team must exist.',
  },
};

export function permissionText(permission: Permission): string {
  return typeof permission === 'string' ? permission : `if ${permission.if}`;
}

/** The table and rules of docs/permissions.md, generated. */
export function permissionsMarkdown(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const header = ['Mutation', 'Whose row', ...PERMISSION_ACTORS.map((actor) => PERMISSION_ACTOR_LABELS[actor])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  const entries = Object.entries(PERMISSIONS) as [MutationName, MutationPermissions][];
  for (const [name, entry] of entries) {
    lines.push(`| \`${name}\` | ${escape(entry.row)} | ${PERMISSION_ACTORS.map((actor) => escape(permissionText(entry.cells[actor]))).join(' | ')} |`);
  }
  lines.push('', '### The rules', '');
  for (const [name, entry] of entries) lines.push(`- **\`${name}\`**: ${entry.rule}`);
  return `${lines.join('\n')}\n`;
}
