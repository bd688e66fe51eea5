/** How a customer's history reads: who spoke, what came of each contact, and which messages form one conversation. */
import { FOLLOW_UP_KIND_LABELS, FOLLOW_UP_OUTCOME_LABELS, type Contact, type FollowUp, type SurveyResponse } from '@core/domain/model';

/** Who spoke, and who handled it: a customer's message is the customer's, whoever answered it. Compact: first names. */
export function peopleOf(contact: Contact, names: ReadonlyMap<string, string>, compact: boolean): string[] {
  const name = contact.agentId ? (names.get(contact.agentId) ?? 'an agent') : null;
  const agent = name && compact ? name.split(' ')[0]! : name;
  if (contact.direction === 'inbound') return ['From the customer', ...(agent ? [`handled by ${agent}`] : [])];
  return name ? [name] : [];
}

/** Survey scores and follow-up outcomes, by the contact they are about. */
export function factsByContact(surveys: readonly SurveyResponse[], followUps: readonly FollowUp[]): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  const add = (contactId: string, fact: string) => facts.set(contactId, [...(facts.get(contactId) ?? []), fact]);
  for (const survey of [...surveys].sort((a, b) => a.at - b.at)) {
    if (survey.status === 'sent') add(survey.contactId, 'Survey sent, no answer yet');
    if (survey.csat !== null) add(survey.contactId, `CSAT ${survey.csat}/5`);
    if (survey.nps !== null) add(survey.contactId, `NPS ${survey.nps}/10`);
  }
  for (const followUp of [...followUps].sort((a, b) => (a.completedAt ?? 0) - (b.completedAt ?? 0))) {
    if (followUp.contactId && followUp.outcome) add(followUp.contactId, `Follow-up outcome: ${FOLLOW_UP_OUTCOME_LABELS[followUp.outcome].toLowerCase()} (${FOLLOW_UP_KIND_LABELS[followUp.kind].toLowerCase()})`);
  }
  return facts;
}

/**
 * The history's entries, newest first: a conversation's replies (either way,
 * on its own channel) go under its first message, oldest first. Notes and
 * follow-up outcomes stay entries of their own.
 */
export function threaded(contacts: readonly Contact[], outcomeIds: ReadonlySet<string>): { entries: Contact[]; threads: Map<string, Contact[]> } {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const isReply = (contact: Contact) => {
    const parent = contact.parentId ? byId.get(contact.parentId) : undefined;
    return !!parent && contact.channel !== 'note' && parent.channel !== 'note' && !outcomeIds.has(contact.id);
  };
  const rootOf = (contact: Contact) => {
    let root = contact;
    for (let hops = 0; isReply(root) && hops < 100; hops++) root = byId.get(root.parentId!)!;
    return root;
  };
  const entries: Contact[] = [];
  const threads = new Map<string, Contact[]>();
  for (const contact of contacts) {
    if (!isReply(contact)) {
      entries.push(contact);
      continue;
    }
    const root = rootOf(contact).id;
    threads.set(root, [contact, ...(threads.get(root) ?? [])]);
  }
  for (const thread of threads.values()) thread.sort((a, b) => a.at - b.at);
  return { entries, threads };
}
