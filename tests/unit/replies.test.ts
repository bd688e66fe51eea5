import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TOPICS } from '@core/demo';
import { SCRIPT_VARIABLES, type ScriptVariable } from '@core/scripts';
import { SavedRepliesSchema, SavedReplySchema, defaultReplies, queryTerms, renderReply, searchReplies, type SavedReply } from '@core/replies';

const replies = defaultReplies();
const ids = (matches: { reply: SavedReply }[]) => matches.map((match) => match.reply.id);

const reply = (fields: Partial<SavedReply>): SavedReply =>
  SavedReplySchema.parse({ id: 'r', title: 'A reply', topics: [], channels: ['email'], keywords: [], text: 'Text', ...fields });

const vars: Record<ScriptVariable, string> = {
  'customer.firstName': 'Priya',
  'customer.lastName': 'Shah',
  'customer.tier': 'Gold',
  'agent.firstName': 'Ava',
  'company.name': 'Brightwave',
  'contact.thanks': 'Thanks for messaging',
  'wait.minutes': '3',
  'contact.count7d': '1',
  lastCsat: '4',
  'followUp.dueText': 'no follow-up planned',
  'promise.text': "We'll call you back by 3 pm your time today",
  'gesture.text': 'We have added a £10 credit to your next bill.',
};

describe('the saved replies in assets/replies', () => {
  it('load and validate', () => {
    const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../assets/replies/replies.json'), 'utf8')) as unknown;
    expect(SavedRepliesSchema.parse(raw)).toEqual(replies);
    expect(replies.length).toBeGreaterThanOrEqual(20);
    expect(new Set(replies.map((r) => r.id)).size).toBe(replies.length);
  });

  it('cover every topic and channel', () => {
    for (const topic of DEMO_TOPICS) expect(replies.some((r) => r.topics.includes(topic)), topic).toBe(true);
    for (const channel of ['email', 'chat', 'sms', 'social'] as const) expect(replies.some((r) => r.channels.includes(channel)), channel).toBe(true);
  });

  it('use only script variables, and read fully once filled', () => {
    for (const r of replies) {
      const text = renderReply(r, vars);
      expect(text, r.id).not.toMatch(/[{}]/);
      expect(r.text, r.id).toMatch(/\{customer\.firstName\}/);
    }
  });

  it('keep SMS replies short enough for three text messages', () => {
    for (const r of replies.filter((candidate) => candidate.channels.includes('sms'))) {
      expect(renderReply(r, vars).length, r.id).toBeLessThanOrEqual(459);
    }
  });
});

describe('SavedReplySchema', () => {
  it('rejects unknown variables, unknown channels and repeated ids', () => {
    expect(SavedReplySchema.safeParse({ ...reply({}), text: 'Hi {customer.nickname}' }).error?.issues[0]?.message).toBe('uses {customer.nickname}, which is not a variable');
    expect(SavedReplySchema.safeParse({ ...reply({}), channels: ['fax'] }).success).toBe(false);
    expect(SavedReplySchema.safeParse({ ...reply({}), channels: [] }).success).toBe(false);
    expect(SavedRepliesSchema.safeParse([reply({}), reply({})]).success).toBe(false);
  });
});

describe('searchReplies', () => {
  it('finds replies by the start of any word, ignoring case', () => {
    expect(ids(searchReplies(replies, 'refund'))[0]).toBe('duplicate-payment-refund');
    expect(ids(searchReplies(replies, 'REFUND'))[0]).toBe('duplicate-payment-refund');
    expect(ids(searchReplies(replies, 'restart'))).toContain('router-restart');
    expect(ids(searchReplies(replies, 'rest'))).toEqual(expect.arrayContaining(['router-restart', 'outage-restored']));
    expect(searchReplies(replies, 'xylophone')).toEqual([]);
  });

  it('requires every term to match', () => {
    const both = searchReplies(replies, 'router restart');
    expect(ids(both)[0]).toBe('router-restart');
    expect(ids(both).sort()).toEqual(['outage-restored', 'router-restart', 'slow-speeds-checklist']);
    expect(ids(searchReplies(replies, 'router'))).toContain('return-equipment');
    expect(ids(both)).not.toContain('return-equipment');
    expect(ids(searchReplies(replies, 'engineer missed'))).toEqual(['missed-engineer-apology']);
    expect(searchReplies(replies, 'router xylophone')).toEqual([]);
  });

  it('ignores little words unless there is nothing else', () => {
    expect(queryTerms('How do I change my payment date?')).toEqual(['change', 'payment', 'date']);
    expect(queryTerms('the')).toEqual(['the']);
    expect(ids(searchReplies(replies, 'How do I change my payment date?'))[0]).toBe('payment-date-change');
  });

  it('ignores accents', () => {
    const list = [reply({ id: 'cafe', title: 'Wi-Fi at the café' })];
    expect(ids(searchReplies(list, 'cafe'))).toEqual(['cafe']);
    expect(ids(searchReplies([reply({ id: 'plain', title: 'Cafe wifi' })], 'café'))).toEqual(['plain']);
  });

  it('ranks title matches above keyword matches above text matches', () => {
    const list = [
      reply({ id: 'in-text', title: 'Something else', text: 'Please restart the router.' }),
      reply({ id: 'in-keywords', title: 'Another thing', keywords: ['router'] }),
      reply({ id: 'in-title', title: 'Router lights' }),
    ];
    const matches = searchReplies(list, 'router');
    expect(ids(matches)).toEqual(['in-title', 'in-keywords', 'in-text']);
    expect(matches.map((m) => m.matchedIn)).toEqual([['title'], ['keywords'], ['text']]);
  });

  it('keeps a title match above a text match even with the topic and channel boosts', () => {
    const list = [
      reply({ id: 'boosted', title: 'Other', topics: ['outage'], channels: ['sms'], text: 'The router again' }),
      reply({ id: 'title', title: 'Router', topics: ['billing'], channels: ['email'] }),
    ];
    expect(ids(searchReplies(list, 'router', { topic: 'outage', channel: 'sms' }))).toEqual(['title', 'boosted']);
  });

  it('does not match variables as words', () => {
    expect(searchReplies([reply({ text: 'Hi {customer.firstName}' })], 'customer')).toEqual([]);
  });

  it('boosts the contact’s topic and channel among equal matches', () => {
    const list = [
      reply({ id: 'billing-email', title: 'Engineer visit', topics: ['billing'], channels: ['email'] }),
      reply({ id: 'outage-email', title: 'Engineer visit', topics: ['outage'], channels: ['email'] }),
      reply({ id: 'billing-sms', title: 'Engineer visit', topics: ['billing'], channels: ['sms'] }),
    ];
    expect(ids(searchReplies(list, 'engineer', { topic: 'outage' }))[0]).toBe('outage-email');
    expect(ids(searchReplies(list, 'engineer', { channel: 'sms' }))[0]).toBe('billing-sms');
    expect(ids(searchReplies(list, 'engineer', { topic: 'Outage', channel: 'sms' }))).toEqual(['outage-email', 'billing-sms', 'billing-email']);
  });

  it('lists every reply for an empty query, the topic’s first', () => {
    const all = searchReplies(replies, '   ', { topic: 'delivery' });
    expect(all).toHaveLength(replies.length);
    const firstOther = all.findIndex((match) => !match.reply.topics.includes('delivery'));
    expect(firstOther).toBeGreaterThan(0);
    expect(all.slice(firstOther).every((match) => !match.reply.topics.includes('delivery'))).toBe(true);
    expect(all.every((match) => match.matchedIn.length === 0)).toBe(true);
  });
});

describe('renderReply', () => {
  it('fills the script variables', () => {
    const text = renderReply(replies.find((r) => r.id === 'callback-booked')!, vars);
    expect(text).toBe("Hi Priya, thanks for your time today. We'll call you back by 3 pm your time today. If that time no longer suits, just reply to this message. – Ava, Brightwave");
  });

  it('leaves variables without a value as written', () => {
    expect(renderReply({ text: 'Hi {customer.firstName}, {agent.firstName}' }, { 'customer.firstName': 'Priya' })).toBe('Hi Priya, {agent.firstName}');
  });

  it('knows every script variable', () => {
    expect(Object.keys(vars).sort()).toEqual([...SCRIPT_VARIABLES].sort());
  });
});
