/**
 * The contact centre a load run works in, written through the hub's own
 * write path (writeRow: versions and scope, as an import does) and with
 * sessions made by the hub's createSession, so nobody signs in through the
 * API (a sign-in costs a deliberately slow password hash and is rate limited).
 *
 * Teams of agents, each with two queues chosen by topics of its own (care and
 * billing, the billing queue needing the billing skill that half the agents
 * have), and customers who have been in touch with the team before, so every
 * desktop holds customers to write notes about from its first sync.
 */
import { newContact, newPresence, newQueueItem, newTeam, newUser, presenceMoved, type Customer, type Queue, type Team, type User } from '@core/domain/model';
import { CustomerFactory } from '@core/demo/people';
import { deriveSeed, Rng } from '@core/demo/random';
import type { EntityName, EntityRow } from '@core/sync/entities';
import { createSession } from '../../hub/auth';
import { openStorage, type Storage } from '../../hub/storage';
import { writeRow, writeTransaction } from '../../hub/sync/store';

export interface LoadTeam {
  index: number;
  id: string;
  agents: number;
  careTopic: string;
  billingTopic: string;
  queueIds: string[];
  /** Customers the team has served: the integration sends some contacts from them. */
  senders: { email: string | null; phone: string | null }[];
}

export interface LoadAgent {
  index: number;
  team: number;
  userId: string;
  token: string;
}

export interface ContactCentre {
  teams: LoadTeam[];
  agents: LoadAgent[];
}

const DAY = 86_400_000;
const ALL_CHANNELS: Queue['channels'] = ['call', 'chat', 'email', 'sms', 'social'];

interface Entry {
  entity: EntityName;
  row: EntityRow<EntityName>;
}

/** Customers per team who have been in touch before: enough to spread notes over. */
const customersPerTeam = (agents: number) => Math.max(5, 2 * agents);

function plan(agentCount: number, teamSize: number, seed: number, now: number): { teams: LoadTeam[]; users: User[]; entries: Entry[][] } {
  const rng = new Rng(deriveSeed(seed, 'load-accounts'));
  const factory = new CustomerFactory(new Rng(deriveSeed(seed, 'load-customers')));
  const teams: LoadTeam[] = [];
  const users: User[] = [];
  /** One batch per team, each written in its own transaction. */
  const entries: Entry[][] = [];
  let customerIndex = 0;
  for (let start = 0, t = 0; start < agentCount; start += teamSize, t += 1) {
    const size = Math.min(teamSize, agentCount - start);
    const team: Team = newTeam({ id: `team_${t + 1}`, name: `Team ${t + 1}` });
    const careTopic = `team-${t + 1}-care`;
    const billingTopic = `team-${t + 1}-billing`;
    const care: Queue = { id: `q_${t + 1}_care`, name: `Team ${t + 1} care`, teamId: team.id, channels: ALL_CHANNELS, topics: [careTopic], slaSeconds: 300, skills: [] };
    const billing: Queue = { id: `q_${t + 1}_billing`, name: `Team ${t + 1} billing`, teamId: team.id, channels: ALL_CHANNELS, topics: [billingTopic], slaSeconds: 600, skills: ['billing'] };
    const batch: Entry[] = [
      { entity: 'team', row: team },
      { entity: 'queue', row: care },
      { entity: 'queue', row: billing },
    ];
    const members: User[] = [];
    for (let i = 0; i < size; i += 1) {
      const n = start + i + 1;
      const user = newUser({
        id: `usr_agent_${n}`,
        username: `agent${n}`,
        name: `Agent ${n}`,
        role: 'agent',
        teamIds: [team.id],
        skills: i % 2 === 0 ? ['billing'] : [],
        timeZone: 'Europe/London',
      });
      members.push(user);
      // As after signing in: the agent makes themselves available once their desktop has synced.
      batch.push({ entity: 'user', row: user }, { entity: 'presence', row: presenceMoved(newPresence(user.id, now), 'away', now) });
    }
    const senders: LoadTeam['senders'] = [];
    for (let c = 0; c < customersPerTeam(size); c += 1) {
      const { customer } = factory.make({ index: customerIndex, business: rng.chance(0.1), now });
      customerIndex += 1;
      senders.push({ email: customer.emails[0] ?? null, phone: customer.phones[0] ?? null });
      const handler = rng.pick(members);
      const queue = rng.chance(0.3) ? billing : care;
      const at = now - Math.floor(rng.between(1, 60) * DAY);
      const contact = newContact({
        id: `con_seed_${customerIndex}`,
        customerId: customer.id,
        channel: 'email',
        direction: 'inbound',
        subject: queue === billing ? 'Question about my bill' : 'Help with my broadband',
        body: 'Hello, could someone get back to me about this please?',
        address: customer.emails[0] ?? null,
        at,
        endedAt: at + 6 * 60_000,
        queueId: queue.id,
        agentId: handler.id,
        topic: queue.topics[0]!,
        disposition: 'info-given',
        resolution: 'resolved',
        summary: 'Answered the question.',
        acwSeconds: 40,
      });
      // Handled a while ago: claimed a minute after it came in, talked over in five, wrapped up in one.
      const item = newQueueItem(contact, queue, {
        state: 'done',
        assigneeId: handler.id,
        claimedAt: at + 60_000,
        doneAt: at + 7 * 60_000,
        wrapUpAt: at + 6 * 60_000,
      });
      batch.push({ entity: 'customer', row: customer satisfies Customer }, { entity: 'contact', row: contact }, { entity: 'queueItem', row: item });
    }
    teams.push({ index: t, id: team.id, agents: size, careTopic, billingTopic, queueIds: [care.id, billing.id], senders });
    users.push(...members);
    entries.push(batch);
  }
  return { teams, users, entries };
}

/**
 * Writes the contact centre into a migrated hub database and makes a session
 * for every agent. `database` is a PostgreSQL URL, or PGlite's folder (which
 * no hub may hold open meanwhile).
 */
export async function createContactCentre(
  database: { databaseUrl?: string; dataDir?: string },
  options: { agents: number; teamSize: number; seed: number },
): Promise<ContactCentre> {
  const storage: Storage = await openStorage({ databaseUrl: database.databaseUrl, dataDir: database.dataDir ?? null });
  try {
    const now = Date.now();
    const { teams, users, entries } = plan(options.agents, options.teamSize, options.seed, now);
    for (const batch of entries) {
      await writeTransaction(storage, async (tx) => {
        for (const { entity, row } of batch) await writeRow(tx, entity, row);
      });
    }
    // The planner's statistics for a database that just grew from nothing.
    await storage.exec('ANALYZE entities; ANALYZE user_scope;');
    const agents: LoadAgent[] = [];
    await storage.transaction(async (tx) => {
      for (const [index, user] of users.entries()) {
        const session = await createSession(tx, user.id, 'AgentDesk load generator', now);
        agents.push({ index, team: Number(user.teamIds[0]!.slice('team_'.length)) - 1, userId: user.id, token: session.token });
      }
    });
    return { teams, agents };
  } finally {
    await storage.close();
  }
}
