/** How a customer's history reads: who spoke, what came of each contact, and which messages form one conversation. */
import type { MessageDescriptor } from 'react-intl';

/** What plain-text labels need of an IntlShape (react-intl's in the screens, @formatjs/intl's in tests). */
interface IntlShape {
  locale: string;
  formatMessage(descriptor: MessageDescriptor, values?: Record<string, string | number>): string;
}
import { FOLLOW_UP_KIND_MESSAGES, FOLLOW_UP_OUTCOME_MESSAGES, type Contact, type FollowUp, type SurveyResponse } from '@core/domain/model';

/** A label inside a sentence: lower case where the language writes it so (German keeps its nouns capitalised, and "SMS" stays as it is). */
export function inSentence(intl: IntlShape, label: string): string {
  return intl.locale.startsWith('de') || label === label.toLocaleUpperCase(intl.locale) ? label : label.toLocaleLowerCase(intl.locale);
}

/** Who spoke, and who handled it: a customer's message is the customer's, whoever answered it. Compact: first names. */
export function peopleOf(intl: IntlShape, contact: Contact, names: ReadonlyMap<string, string>, compact: boolean): string[] {
  const known = contact.agentId ? names.get(contact.agentId) : undefined;
  const agent = known && compact ? known.split(' ')[0]! : known;
  if (contact.direction === 'inbound') {
    const handled = !contact.agentId
      ? []
      : agent
        ? [intl.formatMessage({ id: 'customer.history.handledBy', defaultMessage: 'handled by {name}' }, { name: agent })]
        : [intl.formatMessage({ id: 'customer.history.handledBySomeone', defaultMessage: 'handled by an agent' })];
    return [intl.formatMessage({ id: 'customer.history.fromCustomer', defaultMessage: 'From the customer' }), ...handled];
  }
  if (!contact.agentId) return [];
  return [known ?? intl.formatMessage({ id: 'customer.history.someAgent', defaultMessage: 'an agent' })];
}

/** Survey scores and follow-up outcomes, by the contact they are about. */
export function factsByContact(intl: IntlShape, surveys: readonly SurveyResponse[], followUps: readonly FollowUp[]): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  const add = (contactId: string, fact: string) => facts.set(contactId, [...(facts.get(contactId) ?? []), fact]);
  for (const survey of [...surveys].sort((a, b) => a.at - b.at)) {
    if (survey.status === 'sent') add(survey.contactId, intl.formatMessage({ id: 'customer.history.surveySent', defaultMessage: 'Survey sent, no answer yet' }));
    if (survey.csat !== null) add(survey.contactId, intl.formatMessage({ id: 'customer.history.csat', defaultMessage: 'CSAT {score}/5' }, { score: survey.csat }));
    if (survey.nps !== null) add(survey.contactId, intl.formatMessage({ id: 'customer.history.nps', defaultMessage: 'NPS {score}/10' }, { score: survey.nps }));
  }
  for (const followUp of [...followUps].sort((a, b) => (a.completedAt ?? 0) - (b.completedAt ?? 0))) {
    if (followUp.contactId && followUp.outcome) {
      const outcome = inSentence(intl, intl.formatMessage(FOLLOW_UP_OUTCOME_MESSAGES[followUp.outcome]));
      const kind = inSentence(intl, intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]));
      add(followUp.contactId, intl.formatMessage({ id: 'customer.history.followUpOutcome', defaultMessage: 'Follow-up outcome: {outcome} ({kind})' }, { outcome, kind }));
    }
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
