import { describe, expect, it } from 'vitest';
import type { Channel } from '@core/domain/common';
import { newContact, newCustomer, newUser, type FollowUp } from '@core/domain/model';
import { variablesFor, type Situation } from '@core/scripts';

// Monday 23 November 2026, 14:00 UTC = 15:00 in Berlin and Madrid.
const NOW = Date.UTC(2026, 10, 23, 14, 0);
const agent = newUser({ id: 'usr_ben', username: 'ben', name: 'Ben Ortiz', role: 'agent' });

function situation(language: string, timeZone: string, channel: Channel, followUps: FollowUp[] = []): Situation {
  const customer = newCustomer({ id: 'cus_1', firstName: 'Lena', preferredChannel: 'email', createdAt: 0, language, timeZone, tier: 'gold' });
  const contact = newContact({ id: 'con_1', customerId: customer.id, channel, direction: 'inbound', body: 'Hallo', at: NOW - 60_000 });
  return { customer, agent, contact, history: [], surveys: [], followUps, queueItem: null, now: NOW, companyName: 'Brightwave' };
}

const followUp = (dueAt: number) => ({ id: 'fu_1', customerId: 'cus_1', state: 'scheduled', dueAt }) as unknown as FollowUp;

describe('script variables in the language of the text they fill', () => {
  it('fills a German text with German words, on the customer’s clock', () => {
    const vars = variablesFor(situation('de-DE', 'Europe/Berlin', 'call', [followUp(Date.UTC(2026, 10, 24, 14))]), 'de');
    expect(vars['contact.thanks']).toBe('Vielen Dank für Ihren Anruf bei');
    expect(vars['customer.tier']).toBe('Gold');
    expect(vars.lastCsat).toBe('noch keine Bewertung');
    expect(vars['followUp.dueText']).toBe('Dienstag, 24. November, 15:00 Uhr');
    expect(vars['customer.firstName']).toBe('Lena');
  });

  it('fills a Spanish text with Spanish words', () => {
    const vars = variablesFor(situation('es-ES', 'Europe/Madrid', 'email', [followUp(Date.UTC(2027, 0, 5, 9))]), 'es-ES');
    expect(vars['contact.thanks']).toBe('Gracias por escribir a');
    expect(vars['customer.tier']).toBe('Oro');
    expect(vars['followUp.dueText']).toBe('el martes 5 de enero de 2027 a las 10:00');
    expect(variablesFor(situation('es-ES', 'Europe/Madrid', 'chat'), 'es')['followUp.dueText']).toBe('ningún seguimiento previsto');
  });

  it('keeps English words for an English text, even for a German customer (the fallback script)', () => {
    const vars = variablesFor(situation('de-DE', 'Europe/Berlin', 'call'), 'en-GB');
    expect(vars['contact.thanks']).toBe('Thank you for calling');
    expect(vars.lastCsat).toBe('no rating yet');
    expect(variablesFor(situation('de-DE', 'Europe/Berlin', 'call'))['contact.thanks']).toBe('Thank you for calling');
  });
});
