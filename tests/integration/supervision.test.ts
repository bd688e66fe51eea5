/**
 * What only supervisors may change, through a real hub: targets, knowledge
 * articles and script publishing. Agents are refused with a reason, invalid
 * scripts cannot be published, and what supervisors write reaches agents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptStageId } from '@core/domain/model';
import { MutationRefused } from '@core/sync/local';
import { PROTOCOL_VERSION } from '@core/sync/protocol';
import { formatRejection } from '@core/sync/said';
import type { MessageValues } from '@core/i18n/messages';
import { intlFor } from '../helpers/intl';
import { importRows } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import { expectConverged } from '../helpers/convergence';
import { Desktop, HubLink, type HubAddress } from '../helpers/sync-harness';
import { PASSWORD, smallWorld } from '../helpers/world';

let hub: RunningHub;
const address: HubAddress = { url: '' };
const desktops: Desktop[] = [];
const signIn = async (username: string) => {
  const desktop = await Desktop.signIn({ link: new HubLink(address), username, password: PASSWORD });
  desktops.push(desktop);
  await desktop.sync();
  return desktop;
};
const refusal = async (result: Promise<MutationRefused | number>) => {
  const value = await result;
  expect(value).toBeInstanceOf(MutationRefused);
  return (value as MutationRefused).message;
};

const stage = (id: ScriptStageId, text: string, extra: object = {}) => ({ id, steps: [{ id: `${id}-1`, kind: 'say' as const, text, ...extra }] });
const STAGES = [
  stage('greet', 'Hello {customer.firstName}, this is {agent.firstName}.'),
  stage('understand', 'What happened with the bill?'),
  stage('empathise', 'I can see why a double charge is worrying.'),
  stage('resolve', 'I have refunded the second payment.'),
  stage('expectations', 'You will see it within three working days.'),
  stage('close', 'Is there anything else?'),
];

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null, offers: false });
  address.url = hub.url;
  const world = smallWorld();
  await importRows(hub.storage, world.entries, world.accounts);
});
afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  await hub?.close();
});

describe('supervisors shape the work; agents follow it', () => {
  it('targets: set by a supervisor for their team and queues (the SLA moves the queue), refused to agents and for other teams', async () => {
    const sam = await signIn('sam');
    const ava = await signIn('ava');
    await sam.mutate('target.set', { scope: 'team', scopeId: 'team_care', ahtSeconds: 360, csat: 4.2, fcr: 0.75 });
    await sam.mutate('target.set', { scope: 'queue', scopeId: 'q_care', slaSeconds: 120, serviceLevel: 0.8 });
    // A later change of one figure keeps the others.
    await sam.mutate('target.set', { scope: 'team', scopeId: 'team_care', csat: 4.4 });
    await sam.sync();
    await ava.sync();
    expect(await ava.db.targets.get('team:team_care')).toMatchObject({ ahtSeconds: 360, csat: 4.4, fcr: 0.75, serviceLevel: null, updatedBy: 'usr_sam' });
    expect(await ava.db.targets.get('queue:q_care')).toMatchObject({ slaSeconds: 120, serviceLevel: 0.8 });
    expect((await ava.db.queues.get('q_care'))?.slaSeconds).toBe(120);

    expect(await refusal(ava.tryMutate('target.set', { scope: 'team', scopeId: 'team_care', csat: 5 }))).toBe('Only supervisors can set targets.');
    expect(await refusal(sam.tryMutate('target.set', { scope: 'queue', scopeId: 'q_other', serviceLevel: 0.9 }))).toBe('You can set targets for your own teams only.');
    expect(await refusal(sam.tryMutate('target.set', { scope: 'team', scopeId: 'team_care', slaSeconds: 60 }))).toBe('An SLA is set per queue, not per team.');
    await expect(sam.mutate('target.set', { scope: 'team', scopeId: 'team_care', fcr: 75 })).rejects.toThrow(/share between 0 and 1/);
    for (const desktop of [sam, ava]) await expectConverged(hub, desktop);
  });

  it('knowledge: supervisors write and archive articles, agents read them and cannot write', async () => {
    const sam = await signIn('sam');
    const ava = await signIn('ava');
    await sam.mutate('article.save', { id: 'kb-refunds', kind: 'policy', title: 'Refunds for double charges', body: 'Refund the second payment at once.\n\nNo manager approval is needed up to £500.', tags: ['billing'] });
    await sam.sync();
    await ava.sync();
    expect(await ava.db.articles.get('kb-refunds')).toMatchObject({ title: 'Refunds for double charges', archived: false, updatedBy: 'usr_sam' });
    expect(await refusal(ava.tryMutate('article.save', { id: 'kb-mine', kind: 'how-to', title: 'Mine', body: 'Text' }))).toBe('Only supervisors can write knowledge articles.');
    await expect(sam.mutate('article.save', { id: 'kb-empty', kind: 'how-to', title: 'Empty', body: '   ' })).rejects.toThrow(/needs some text/);
    await sam.mutate('article.archive', { id: 'kb-refunds', archived: true });
    await sam.sync();
    await ava.sync();
    expect((await ava.db.articles.get('kb-refunds'))?.archived).toBe(true);
  });

  it('scripts: an invalid draft cannot be published, on the desktop or the hub, and says why; a valid one reaches agents', async () => {
    const sam = await signIn('sam');
    const ava = await signIn('ava');
    const broken = STAGES.map((s) => (s.id === 'resolve' ? stage('resolve', 'Your refund of {refund.amount} is on its way.', { branches: [{ label: 'Wants a manager', goto: 'escalate' }] }) : s));
    await sam.mutate('script.save', { scriptId: 'billing-double', name: 'Double charge', topics: ['billing'], stages: broken });
    const message = await refusal(sam.tryMutate('script.publish', { scriptId: 'billing-double', version: 1 }));
    expect(message).toMatch(/^Cannot publish “Double charge”: /);
    expect(message).toMatch(/refund\.amount/);
    expect(message).toMatch(/escalate/);

    // The hub refuses it too, whatever a desktop let through.
    await sam.sync();
    const response = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sam.token}` },
      body: JSON.stringify({ clientId: crypto.randomUUID(), schemaVersion: PROTOCOL_VERSION, mutations: [{ id: 1, name: 'script.publish', args: { scriptId: 'billing-double', version: 1 }, at: Date.now() }] }),
    });
    const { results } = (await response.json()) as { results: { status: string; message: string; messageId?: string; values?: MessageValues }[] };
    expect(results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/^Cannot publish “Double charge”/), messageId: 'rejection.script.cannotPublishFirst' });
    // A supervisor reading German reads the first problem in German, its stage named as the editor names it.
    expect(formatRejection(intlFor('de'), results[0]!)).toBe(
      "„Double charge“ kann nicht veröffentlicht werden: Phase „Lösen“, Schritt 'resolve-1': Verwendet {refund.amount}, das ist aber keine Variable; dazu 1 weiteres Problem.",
    );
    expect(formatRejection(intlFor('en-GB'), results[0]!)).toBe("Cannot publish “Double charge”: Stage Resolve, step 'resolve-1': uses {refund.amount}, which is not a variable; and 1 more problem.");

    // Fixed, published, and on Ava's desktop.
    await sam.mutate('script.save', { scriptId: 'billing-double', name: 'Double charge', topics: ['billing'], stages: STAGES });
    await sam.mutate('script.publish', { scriptId: 'billing-double', version: 1 });
    await sam.sync();
    await ava.sync();
    expect(await ava.db.scripts.get('billing-double@1')).toMatchObject({ status: 'published', name: 'Double charge' });
    expect(await refusal(ava.tryMutate('script.save', { scriptId: 'billing-double', name: 'Mine', topics: [], stages: STAGES }))).toBe('Only supervisors can edit scripts.');
  });

  it('language variants: a translation that drops a step or a {variable} is not published, by the desktop or by the hub', async () => {
    const sam = await signIn('sam');
    const ava = await signIn('ava');
    const german = {
      name: 'Doppelte Abbuchung',
      steps: [
        { id: 'greet-1', text: 'Guten Tag {customer.firstName}, hier spricht {agent.firstName}.' },
        { id: 'understand-1', text: 'Was ist mit der Rechnung passiert?' },
        { id: 'empathise-1', text: 'Ich verstehe, dass eine doppelte Abbuchung beunruhigend ist.' },
        { id: 'resolve-1', text: 'Ich habe die zweite Zahlung erstattet.' },
        { id: 'expectations-1', text: 'Sie sehen den Betrag innerhalb von drei Werktagen.' },
        { id: 'close-1', text: 'Kann ich sonst noch etwas für Sie tun?' },
      ],
    };
    const divergent = { ...german, steps: german.steps.filter((step) => step.id !== 'close-1').map((step) => (step.id === 'greet-1' ? { ...step, text: 'Guten Tag, hier spricht {agent.firstName}.' } : step)) };
    await sam.mutate('script.save', { scriptId: 'billing-de', name: 'Double charge', topics: ['billing'], stages: STAGES, variants: { de: divergent } });
    const message = await refusal(sam.tryMutate('script.publish', { scriptId: 'billing-de', version: 1 }));
    expect(message).toContain('Step “greet-1”: the German version leaves out {customer.firstName}, which the British English text uses.');
    expect(message).toContain('The German version has no text for step “close-1”.');

    // A desktop that skipped the check is refused by the hub.
    await sam.sync();
    const response = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sam.token}` },
      body: JSON.stringify({ clientId: crypto.randomUUID(), schemaVersion: PROTOCOL_VERSION, mutations: [{ id: 1, name: 'script.publish', args: { scriptId: 'billing-de', version: 1 }, at: Date.now() }] }),
    });
    const { results } = (await response.json()) as { results: { status: string; message?: string }[] };
    expect(results[0]).toMatchObject({ status: 'rejected', message: expect.stringContaining('leaves out {customer.firstName}') });

    // Saved again without variants (as a desktop from before them would): the variants are kept, not lost.
    await sam.mutate('script.save', { scriptId: 'billing-de', name: 'Double charge', topics: ['billing'], stages: STAGES });
    expect((await sam.db.scripts.get('billing-de@1'))?.variants).toEqual({ de: { ...divergent, description: '', steps: divergent.steps.map((step) => ({ ...step, branches: [] })) } });

    await sam.mutate('script.save', { scriptId: 'billing-de', name: 'Double charge', topics: ['billing'], stages: STAGES, variants: { de: german } });
    await sam.mutate('script.publish', { scriptId: 'billing-de', version: 1 });
    await sam.sync();
    await ava.sync();
    expect(await ava.db.scripts.get('billing-de@1')).toMatchObject({ status: 'published', language: 'en-GB', variants: { de: { name: 'Doppelte Abbuchung' } } });
  });

  it('language variants of a saved-reply article fill in the same details as the source', async () => {
    const sam = await signIn('sam');
    const reply = { id: 'kb_reply_de', kind: 'reply' as const, title: 'Refund sent', body: 'Hi {customer.firstName}, your refund is on its way. {agent.firstName}', tags: [] };
    const message = await refusal(sam.tryMutate('article.save', { ...reply, variants: { de: { title: 'Erstattung veranlasst', body: 'Guten Tag, Ihre Erstattung ist unterwegs. {agent.firstName}' } } }));
    expect(message).toBe('Cannot save “Refund sent”: The German version leaves out {customer.firstName}, which the British English text uses.');
    await sam.mutate('article.save', { ...reply, variants: { de: { title: 'Erstattung veranlasst', body: 'Guten Tag {customer.firstName}, Ihre Erstattung ist unterwegs. {agent.firstName}' } } });
    await sam.sync();
    expect(await sam.db.articles.get('kb_reply_de')).toMatchObject({ language: 'en-GB', variants: { de: { title: 'Erstattung veranlasst' } } });
  });
});
