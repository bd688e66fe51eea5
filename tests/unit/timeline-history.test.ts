/** How a customer's history reads: a customer's email is the customer's, replies thread under their conversation, outcomes show where they belong. */
import { describe, expect, it } from 'vitest';
import { newContact, newFollowUp, type SurveyResponse } from '@core/domain/model';
import { factsByContact, peopleOf, threaded } from '../../renderer/src/screens/customer/history';
import { T0 } from '../helpers/world';
import { intlFor } from '../helpers/intl';

const intl = intlFor('en-GB');

const MINUTE = 60_000;
const names = new Map([['usr_ben', 'Ben Okafor']]);
const email = newContact({ id: 'con_email', customerId: 'cus_1', channel: 'email', direction: 'inbound', body: 'My invoice is wrong.', at: T0, agentId: 'usr_ben', subject: 'Invoice' });
const reply = newContact({ id: 'con_reply', customerId: 'cus_1', channel: 'email', direction: 'outbound', body: 'Looking into it.', at: T0 + 5 * MINUTE, agentId: 'usr_ben', parentId: 'con_email', subject: 'Re: Invoice' });
const answer = newContact({ id: 'con_answer', customerId: 'cus_1', channel: 'email', direction: 'inbound', body: 'Thanks!', at: T0 + 9 * MINUTE, parentId: 'con_reply', subject: 'Re: Invoice' });
const note = newContact({ id: 'con_note', customerId: 'cus_1', channel: 'note', direction: 'internal', body: 'Refund approved.', at: T0 + 7 * MINUTE, agentId: 'usr_ben', parentId: 'con_email' });
const outcome = newContact({ id: 'con_outcome', customerId: 'cus_1', channel: 'email', direction: 'outbound', body: 'Refund landed.', at: T0 + 60 * MINUTE, agentId: 'usr_ben', parentId: 'con_email' });
const followUp = newFollowUp({ id: 'fu_1', customerId: 'cus_1', contactId: 'con_email', kind: 'check-in', channel: 'email', dueAt: T0 + 50 * MINUTE, ownerId: 'usr_ben', createdAt: T0, createdBy: 'usr_ben', state: 'done', outcome: 'resolved', completedAt: T0 + 60 * MINUTE, outcomeContactId: 'con_outcome' });

describe('a customer history', () => {
  it('says a customer’s message is the customer’s, and who handled it', () => {
    expect(peopleOf(intl, email, names, false)).toEqual(['From the customer', 'handled by Ben Okafor']);
    expect(peopleOf(intl, email, names, true)).toEqual(['From the customer', 'handled by Ben']);
    expect(peopleOf(intl, reply, names, false)).toEqual(['Ben Okafor']);
    expect(peopleOf(intl, { ...email, agentId: null }, names, false)).toEqual(['From the customer']);
  });

  it('threads replies either way under the conversation, oldest first; notes and follow-up outcomes stay entries', () => {
    const newestFirst = [outcome, answer, note, reply, email];
    const { entries, threads } = threaded(newestFirst, new Set(['con_outcome']));
    expect(entries.map((contact) => contact.id)).toEqual(['con_outcome', 'con_note', 'con_email']);
    expect(threads.get('con_email')?.map((contact) => contact.id)).toEqual(['con_reply', 'con_answer']);
  });

  it('shows a reply on its own while its conversation is not loaded yet', () => {
    const { entries, threads } = threaded([answer, reply], new Set());
    expect(entries.map((contact) => contact.id)).toEqual(['con_reply']);
    expect(threads.get('con_reply')?.map((contact) => contact.id)).toEqual(['con_answer']);
  });

  it('puts survey scores and the follow-up outcome on the contact they are about', () => {
    const survey: SurveyResponse = { id: 'srv_1', contactId: 'con_email', customerId: 'cus_1', agentId: 'usr_ben', status: 'answered', csat: 4, nps: 9, comment: '', at: T0 + 30 * MINUTE };
    const sent: SurveyResponse = { ...survey, id: 'srv_2', contactId: 'con_note', status: 'sent', csat: null, nps: null };
    const facts = factsByContact(intl, [survey, sent], [followUp, { ...followUp, id: 'fu_2', state: 'scheduled', outcome: null, completedAt: null }]);
    expect(facts.get('con_email')).toEqual(['CSAT 4/5', 'NPS 9/10', 'Follow-up outcome: resolved (check-in)']);
    expect(facts.get('con_note')).toEqual(['Survey sent, no answer yet']);
    expect(factsByContact(intlFor('de'), [survey], [followUp]).get('con_email')).toEqual(['CSAT 4/5', 'NPS 9/10', 'Ergebnis des Folgekontakts: Gelöst (Nachfassen)']);
  });
});
