import { describe, expect, it } from 'vitest';
import { createFormatter } from '@core/i18n/format';
import { intlFor } from '../helpers/intl';
import {
  ContactSchema,
  CustomerSchema,
  FollowUpSchema,
  QueueItemSchema,
  SCRIPT_STAGES,
  ScriptSchema,
  SurveyResponseSchema,
  newUser,
  type Contact,
  type FollowUp,
  type Script,
  type SurveyResponse,
} from '@core/domain/model';
import { publishedScripts, scriptPacks } from '@core/demo/scripts';
import * as demoVocabulary from '@core/demo/script-vocabulary';
import {
  DEFAULT_THRESHOLDS,
  SCRIPT_TRIGGERS,
  SCRIPT_VARIABLES,
  TRIGGER_LABELS,
  adherence,
  chooseBranch,
  currentStage,
  detectTriggers,
  triggerReason,
  fillTemplate,
  goToStage,
  isFinished,
  nextStage,
  previousStage,
  startRun,
  suggestScript,
  toggleStep,
  triggersOf,
  unknownVariables,
  unreadWords,
  formatScriptProblem,
  validateScript as scriptProblems,
  variablesFor,
  visibleSteps,
  type ScriptDraft,
  type ScriptRun,
  type Situation,
} from '@core/scripts';
import * as vocabulary from '@core/scripts/vocabulary';

/** The script problems as a supervisor reading British English sees them. */
const validateScript = (draft: ScriptDraft) => scriptProblems(draft).map((problem) => ({ path: problem.path, message: formatScriptProblem(intlFor('en-GB'), problem) }));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tuesday 24 November 2026, 14:00 in London. */
const NOW = Date.UTC(2026, 10, 24, 14, 0);

const customer = CustomerSchema.parse({
  id: 'cus_1',
  firstName: 'Priya',
  lastName: 'Shah',
  emails: ['priya@example.com'],
  phones: ['+44 7700 900123'],
  tier: 'standard',
  language: 'en-GB',
  timeZone: 'America/New_York',
  quietHours: null,
  preferredChannel: 'email',
  tags: [],
  attributes: {},
  createdAt: 0,
  updatedAt: 0,
});

const agent = newUser({ id: 'usr_ava', username: 'ava', name: 'Ava Okafor', role: 'agent', teamIds: ['team_care'] });

let nextId = 0;
function contact(fields: Partial<Contact> = {}): Contact {
  nextId += 1;
  return ContactSchema.parse({
    id: `con_${nextId}`,
    customerId: customer.id,
    channel: 'email',
    direction: 'inbound',
    subject: 'Question',
    body: 'Hello, could you tell me when my contract ends?',
    at: NOW - 5 * MINUTE,
    ...fields,
  });
}

function survey(fields: Partial<SurveyResponse>): SurveyResponse {
  nextId += 1;
  return SurveyResponseSchema.parse({
    id: `sur_${nextId}`,
    contactId: 'con_x',
    customerId: customer.id,
    agentId: null,
    status: 'answered',
    csat: 4,
    nps: null,
    comment: '',
    at: NOW - 3 * DAY,
    ...fields,
  });
}

function followUp(fields: Partial<FollowUp>): FollowUp {
  nextId += 1;
  return FollowUpSchema.parse({
    id: `fu_${nextId}`,
    customerId: customer.id,
    contactId: null,
    kind: 'callback',
    channel: 'call',
    dueAt: NOW + DAY,
    ownerId: agent.id,
    state: 'scheduled',
    reason: 'Confirm the refund',
    outcome: null,
    note: '',
    createdAt: NOW - 2 * DAY,
    createdBy: agent.id,
    completedAt: null,
    completedBy: null,
    cancelReason: null,
    ...fields,
  });
}

function queueItem(enqueuedAt: number, claimedAt: number | null = null) {
  return QueueItemSchema.parse({
    id: 'con_q',
    contactId: 'con_q',
    customerId: customer.id,
    queueId: 'q_billing',
    channel: 'call',
    priority: 3,
    enqueuedAt,
    slaDueAt: enqueuedAt + 10 * MINUTE,
    state: claimedAt === null ? 'waiting' : 'claimed',
    assigneeId: claimedAt === null ? null : agent.id,
    claimedAt,
    doneAt: null,
  });
}

function situation(fields: Partial<Situation> = {}): Situation {
  return {
    customer,
    agent,
    contact: contact(),
    history: [],
    surveys: [],
    followUps: [],
    queueItem: null,
    now: NOW,
    companyName: 'Brightwave',
    ...fields,
  };
}

const triggers = (s: Situation) => triggersOf(detectTriggers(s));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('vocabulary', () => {
  it('lives in src/scripts and is re-exported for existing imports', () => {
    expect(demoVocabulary.SCRIPT_VARIABLES).toBe(vocabulary.SCRIPT_VARIABLES);
    expect(demoVocabulary.SCRIPT_TRIGGERS).toBe(vocabulary.SCRIPT_TRIGGERS);
    expect(demoVocabulary.SCRIPT_TRIGGER_LABELS).toBe(vocabulary.TRIGGER_LABELS);
  });

  it('labels every trigger for people', () => {
    for (const trigger of SCRIPT_TRIGGERS) expect(TRIGGER_LABELS[trigger].length).toBeGreaterThan(3);
    expect(TRIGGER_LABELS['long-wait']).toBe('Waited a long time');
  });
});

describe('detectTriggers', () => {
  it('finds nothing for a calm standard customer', () => {
    expect(detectTriggers(situation())).toEqual([]);
  });

  describe('long-wait', () => {
    it('fires after ten minutes waiting', () => {
      expect(detectTriggers(situation({ queueItem: queueItem(NOW - 14 * MINUTE) }))).toMatchObject([{ trigger: 'long-wait', reason: 'Waited 14 minutes' }]);
      // In the agent's language, the wait worded by the agent's formatter.
      const [hit] = detectTriggers(situation({ queueItem: queueItem(NOW - 75 * MINUTE) }));
      expect(triggerReason(intlFor('de'), createFormatter('de'), hit!)).toBe('Hat 1 Stunde, 15 Minuten gewartet');
      expect(triggerReason(intlFor('es'), createFormatter('es'), hit!)).toMatch(/^Ha esperado 1 h/);
      expect(triggers(situation({ queueItem: queueItem(NOW - 10 * MINUTE) }))).toEqual(['long-wait']);
      expect(triggers(situation({ queueItem: queueItem(NOW - 9 * MINUTE) }))).toEqual([]);
    });

    it('counts the wait until the contact was claimed', () => {
      const hits = detectTriggers(situation({ queueItem: queueItem(NOW - 40 * MINUTE, NOW - 28 * MINUTE) }));
      expect(hits).toMatchObject([{ trigger: 'long-wait', reason: 'Waited 12 minutes' }]);
      expect(triggers(situation({ queueItem: queueItem(NOW - 40 * MINUTE, NOW - 35 * MINUTE) }))).toEqual([]);
    });

    it('says hours for long waits', () => {
      expect(detectTriggers(situation({ queueItem: queueItem(NOW - 75 * MINUTE) }))[0]?.reason).toBe('Waited 1 hour 15 minutes');
    });

    it('takes its threshold from the caller', () => {
      expect(triggers(situation({ queueItem: queueItem(NOW - 6 * MINUTE) }))).toEqual([]);
      expect(triggersOf(detectTriggers(situation({ queueItem: queueItem(NOW - 6 * MINUTE) }), { ...DEFAULT_THRESHOLDS, longWaitMinutes: 5 }))).toEqual(['long-wait']);
    });
  });

  describe('repeat-contact', () => {
    it('fires on at least the third inbound contact in seven days', () => {
      const current = contact();
      const history = [contact({ at: NOW - 2 * DAY }), contact({ at: NOW - 6 * DAY })];
      expect(detectTriggers(situation({ contact: current, history }))).toMatchObject([{ trigger: 'repeat-contact', reason: '3 contacts in 7 days' }]);
      // The current contact in the history is not counted twice.
      expect(detectTriggers(situation({ contact: current, history: [...history, current] }))[0]?.reason).toBe('3 contacts in 7 days');
      expect(detectTriggers(situation({ contact: current, history: [...history, contact({ at: NOW - DAY })] }))[0]?.reason).toBe('4 contacts in 7 days');
    });

    it('does not fire on the second contact', () => {
      expect(triggers(situation({ history: [contact({ at: NOW - DAY })] }))).toEqual([]);
    });

    it('counts only the customer’s own inbound contacts in the window', () => {
      const history = [
        contact({ at: NOW - DAY }),
        contact({ at: NOW - 2 * DAY, channel: 'note', direction: 'internal' }),
        contact({ at: NOW - 2 * DAY, direction: 'outbound' }),
        contact({ at: NOW - 8 * DAY }),
        contact({ at: NOW - DAY, customerId: 'cus_other' }),
      ];
      expect(triggers(situation({ history }))).toEqual([]);
      expect(triggers(situation({ history: [...history, contact({ at: NOW - 3 * DAY, channel: 'sms' })] }))).toEqual(['repeat-contact']);
    });
  });

  describe('low-csat', () => {
    it('fires when the last answered survey scored 2 or less', () => {
      expect(detectTriggers(situation({ surveys: [survey({ csat: 2 })] }))).toMatchObject([{ trigger: 'low-csat', reason: 'Rated us 2 out of 5 last time' }]);
      expect(triggers(situation({ surveys: [survey({ csat: 3 })] }))).toEqual([]);
    });

    it('reads only the most recent answered survey', () => {
      expect(triggers(situation({ surveys: [survey({ csat: 1, at: NOW - 20 * DAY }), survey({ csat: 5, at: NOW - 2 * DAY })] }))).toEqual([]);
      expect(triggers(situation({ surveys: [survey({ csat: 5, at: NOW - 20 * DAY }), survey({ csat: 1, at: NOW - 2 * DAY })] }))).toEqual(['low-csat']);
      // A survey sent but not answered does not hide the last answer.
      const surveys = [survey({ csat: 1, at: NOW - 20 * DAY }), survey({ status: 'sent', csat: null, at: NOW - DAY })];
      expect(triggers(situation({ surveys }))).toEqual(['low-csat']);
    });
  });

  it('vip: fires for VIP customers only', () => {
    expect(detectTriggers(situation({ customer: { ...customer, tier: 'vip' } }))).toMatchObject([{ trigger: 'vip', reason: 'VIP customer' }]);
    expect(triggers(situation({ customer: { ...customer, tier: 'gold' } }))).toEqual([]);
  });

  describe('overdue-follow-up', () => {
    it('fires for a scheduled follow-up past its due time', () => {
      expect(detectTriggers(situation({ followUps: [followUp({ dueAt: NOW - 2 * HOUR })] }))).toMatchObject([
        { trigger: 'overdue-follow-up', reason: 'Callback overdue by 2 hours' },
      ]);
      const two = [followUp({ dueAt: NOW - 3 * DAY, kind: 'check-in' }), followUp({ dueAt: NOW - HOUR })];
      expect(detectTriggers(situation({ followUps: two }))[0]?.reason).toBe('2 follow-ups overdue, the oldest by 3 days');
    });

    it('ignores follow-ups done, cancelled or not yet due', () => {
      const followUps = [
        followUp({ dueAt: NOW - DAY, state: 'done', completedAt: NOW - DAY, completedBy: agent.id, outcome: 'reached' }),
        followUp({ dueAt: NOW - DAY, state: 'cancelled', cancelReason: 'Customer called in' }),
        followUp({ dueAt: NOW + HOUR }),
      ];
      expect(triggers(situation({ followUps }))).toEqual([]);
    });
  });

  describe('negative-sentiment', () => {
    it('reads only the customer’s lines of a chat or call', () => {
      const upset = contact({ channel: 'chat', body: "Customer: This is the third time I've asked. Absolutely ridiculous.\nAgent: I'm sorry, that's terrible." });
      const hits = detectTriggers(situation({ contact: upset }));
      expect(hits.map((hit) => hit.trigger)).toEqual(['negative-sentiment']);
      expect(hits[0]?.reason).toMatch(/^Sounds upset: “/);
      expect(hits[0]?.reason).toContain('third time');
      // The agent's apology with strong words does not make a calm customer upset.
      const calm = contact({ channel: 'call', body: "Agent: I'm so sorry, that's awful and unacceptable.\nCustomer: No problem, thanks for sorting it." });
      expect(triggers(situation({ contact: calm }))).toEqual([]);
    });

    it('reads the latest customer words, so a customer who calmed down is not flagged', () => {
      const body = [
        'Customer: This is useless, still not working!!',
        'Agent: Let me fix that.',
        'Customer: Okay.',
        'Agent: Done.',
        'Customer: Brilliant, that works now.',
        'Customer: Thank you so much.',
        'Customer: Really appreciate it.',
      ].join('\n');
      expect(triggers(situation({ contact: contact({ channel: 'call', body }) }))).toEqual([]);
    });

    it('reads the body of an email, SMS or social post', () => {
      expect(triggers(situation({ contact: contact({ channel: 'sms', body: 'Still no broadband. Getting fed up now.' }) }))).toEqual(['negative-sentiment']);
      expect(triggers(situation({ contact: contact({ channel: 'social', body: '@BrightwaveHelp thanks, all sorted 👍' }) }))).toEqual([]);
    });

    it('reads German and Spanish customers in their language: an angry message picks the same situation as in English', () => {
      const german = { ...customer, language: 'de-DE' };
      const spanish = { ...customer, language: 'es-ES' };
      const angry = {
        en: situation({ contact: contact({ channel: 'chat', body: 'Customer: Still not working. This is the third time I have called, absolutely ridiculous!' }) }),
        de: situation({ customer: german, contact: contact({ channel: 'chat', body: 'Kunde: Funktioniert immer noch nicht. Ich rufe zum dritten Mal an, eine Frechheit!' }) }),
        es: situation({ customer: spanish, contact: contact({ channel: 'chat', body: 'Cliente: Sigue sin funcionar. Es la tercera vez que llamo, ¡una vergüenza!' }) }),
      };
      for (const s of Object.values(angry)) expect(triggers(s)).toEqual(['negative-sentiment']);
      expect(detectTriggers(angry.de)[0]?.reason).toMatch(/^Sounds upset: “.*frechheit/);
      // The same words calm are no trigger, in any of the three.
      expect(triggers(situation({ customer: german, contact: contact({ channel: 'sms', body: 'Vielen Dank, jetzt funktioniert alles!' }) }))).toEqual([]);
      expect(triggers(situation({ customer: spanish, contact: contact({ channel: 'sms', body: 'Muchas gracias, ya funciona todo.' }) }))).toEqual([]);
      expect(unreadWords(angry.de.contact, german.language)).toBeNull();
    });

    it('does not pretend to read a language it does not cover, and uses the recorded tone instead', () => {
      const portuguese = { ...customer, language: 'pt-BR' };
      const words = contact({ channel: 'sms', body: 'Estou muito chateado, a internet não funciona há três dias!', sentiment: null });
      expect(triggers(situation({ customer: portuguese, contact: words }))).toEqual([]);
      expect(unreadWords(words, portuguese.language)).toEqual({ read: false, language: 'pt', reason: 'unsupported-language' });
      const recorded = { ...words, sentiment: -0.7 };
      expect(detectTriggers(situation({ customer: portuguese, contact: recorded }))).toMatchObject([{ trigger: 'negative-sentiment', reason: 'Tone recorded as negative (−0.70)' }]);
      expect(unreadWords(contact({ channel: 'note', body: 'Nota interna' }), portuguese.language)).toBeNull();
    });

    it('falls back to the recorded tone when there are no words to read', () => {
      const waiting = contact({ channel: 'call', body: 'In queue. Caller chose "Bills and payments" in the phone menu.', sentiment: -0.6 });
      expect(detectTriggers(situation({ contact: waiting }))).toMatchObject([{ trigger: 'negative-sentiment', reason: 'Tone recorded as negative (−0.60)' }]);
      expect(triggers(situation({ contact: { ...waiting, sentiment: -0.1 } }))).toEqual([]);
    });
  });

  it('lists several triggers in the vocabulary’s order', () => {
    const s = situation({
      customer: { ...customer, tier: 'vip' },
      contact: contact({ channel: 'email', body: 'This is unacceptable. I am disgusted.' }),
      history: [contact({ at: NOW - DAY }), contact({ at: NOW - 2 * DAY })],
      surveys: [survey({ csat: 1 })],
      followUps: [followUp({ dueAt: NOW - HOUR })],
      queueItem: queueItem(NOW - 20 * MINUTE),
    });
    expect(triggers(s)).toEqual([...SCRIPT_TRIGGERS]);
  });
});

describe('variablesFor', () => {
  it('fills every variable', () => {
    const current = contact();
    const vars = variablesFor(
      situation({
        contact: current,
        history: [current, contact({ at: NOW - DAY }), contact({ at: NOW - 10 * DAY })],
        surveys: [survey({ csat: 4 })],
        // 20:00 in London is 15:00 in New York, the customer's zone.
        followUps: [followUp({ dueAt: Date.UTC(2026, 10, 24, 20, 0) }), followUp({ dueAt: NOW + 5 * DAY })],
        queueItem: queueItem(NOW - 14 * MINUTE - 20_000),
        promiseText: "We'll call you back by 3 pm your time today",
        gestureText: 'a £10 credit on your next bill',
      }),
    );
    expect(Object.keys(vars).sort()).toEqual([...SCRIPT_VARIABLES].sort());
    expect(vars).toEqual({
      'customer.firstName': 'Priya',
      'customer.lastName': 'Shah',
      'customer.tier': 'Standard',
      'agent.firstName': 'Ava',
      'company.name': 'Brightwave',
      'contact.thanks': 'Thank you for emailing',
      'wait.minutes': '14',
      'contact.count7d': '2',
      lastCsat: '4',
      'followUp.dueText': 'Tuesday 24 November at 15:00',
      'promise.text': "We'll call you back by 3 pm your time today",
      'gesture.text': 'a £10 credit on your next bill',
    });
  });

  it('has sensible values when there is nothing to go on', () => {
    const vars = variablesFor(situation({ customer: { ...customer, tier: 'vip' } }));
    expect(vars['customer.tier']).toBe('VIP');
    expect(vars['wait.minutes']).toBe('1');
    expect(vars['contact.count7d']).toBe('1');
    expect(vars.lastCsat).toBe('no rating yet');
    expect(vars['followUp.dueText']).toBe('no follow-up planned');
    expect(vars['promise.text']).toBe('');
    expect(vars['gesture.text']).toBe('');
  });

  it('says the year of a follow-up due next year, and skips done ones', () => {
    const followUps = [followUp({ dueAt: Date.UTC(2026, 10, 1), state: 'done', completedAt: 1, completedBy: agent.id, outcome: 'reached' }), followUp({ dueAt: Date.UTC(2027, 0, 5, 17) })];
    expect(variablesFor(situation({ followUps }))['followUp.dueText']).toBe('Tuesday 5 January 2027 at 12:00');
  });

  it('reads well in every pack: every variable filled, no doubled words', () => {
    const s = situation({
      customer: { ...customer, tier: 'vip' },
      history: [contact({ at: NOW - DAY }), contact({ at: NOW - 2 * DAY })],
      surveys: [survey({ csat: 2 })],
      followUps: [followUp({ dueAt: NOW - HOUR })],
      queueItem: queueItem(NOW - 20 * MINUTE),
      promiseText: "We'll call you back by 3 pm your time today",
      gestureText: 'a £10 credit on your next bill',
    });
    const vars = variablesFor(s);
    for (const pack of scriptPacks()) {
      for (const step of pack.stages.flatMap((stage) => stage.steps)) {
        const text = fillTemplate(step.text, vars);
        expect(text, step.id).not.toMatch(/[{}]/);
        expect(text, step.id).not.toMatch(/out of 5 out of 5/);
      }
    }
  });
});

describe('fillTemplate and unknownVariables', () => {
  it('fills known variables and leaves the rest as written', () => {
    expect(fillTemplate('Hi {customer.firstName}, this is {agent.firstName}.', { 'customer.firstName': 'Priya', 'agent.firstName': 'Ava' })).toBe('Hi Priya, this is Ava.');
    expect(fillTemplate('Hi {customer.nickname}!', { 'customer.firstName': 'Priya' })).toBe('Hi {customer.nickname}!');
    expect(fillTemplate('Hi {customer.firstName}', {})).toBe('Hi {customer.firstName}');
    expect(fillTemplate('{gesture.text}', { 'gesture.text': '' })).toBe('');
    expect(fillTemplate('Price {x} and {} braces', {})).toBe('Price {x} and {} braces');
    expect(fillTemplate('{company.name} costs $1', { 'company.name': '$& $1' })).toBe('$& $1 costs $1');
  });

  it('lists unknown variables once each', () => {
    expect(unknownVariables('Hi {customer.nickname}, {customer.firstName}, {customer.nickname} {foo}')).toEqual(['customer.nickname', 'foo']);
    expect(unknownVariables('Hi {customer.firstName}')).toEqual([]);
  });
});

describe('script runs', () => {
  const billing = publishedScripts(NOW, 'usr_sam').find((script) => script.scriptId === 'billing-dispute')!;

  it('shows steps without `when`, and those sharing a trigger with the situation', () => {
    const plain = startRun(billing, []);
    expect(visibleSteps(plain, 'empathise').map((step) => step.id)).toEqual(['empathise-general']);
    const upset = startRun(billing, ['long-wait', 'negative-sentiment']);
    expect(visibleSteps(upset, 'empathise').map((step) => step.id)).toEqual(['empathise-general', 'empathise-long-wait', 'empathise-negative-sentiment']);
    expect(visibleSteps(upset, 'close').map((step) => step.id)).toEqual(['close-anything-else', 'close-gesture', 'close-survey', 'close-thanks']);
    expect(upset.visible.close).toEqual(['close-anything-else', 'close-gesture', 'close-survey', 'close-thanks']);
    expect(upset).toMatchObject({ scriptId: 'billing-dispute', version: 1, stageIndex: 0, checked: [], branchChoices: {}, focusStepId: null });
  });

  it('walks the stages forward and back to the end', () => {
    let run = startRun(billing, []);
    expect(currentStage(run)?.id).toBe('greet');
    run = nextStage(run);
    expect(currentStage(run)?.id).toBe('understand');
    run = previousStage(previousStage(run));
    expect(currentStage(run)?.id).toBe('greet');
    run = goToStage(run, 'close');
    expect(currentStage(run)?.id).toBe('close');
    expect(isFinished(run)).toBe(false);
    run = nextStage(run);
    expect(isFinished(run)).toBe(true);
    expect(currentStage(run)?.id).toBe('close');
    run = previousStage(run);
    expect(isFinished(run)).toBe(false);
    expect(currentStage(run)?.id).toBe('close');
    expect(currentStage(goToStage(run, 2))?.id).toBe('empathise');
    expect(goToStage(run, 9)).toBe(run);
    expect(goToStage(run, -1)).toBe(run);
  });

  it('ticks and unticks shown steps only', () => {
    let run = startRun(billing, []);
    run = toggleStep(run, 'greet-hello');
    run = toggleStep(run, 'greet-verify');
    expect(run.checked).toEqual(['greet-hello', 'greet-verify']);
    run = toggleStep(run, 'greet-hello');
    expect(run.checked).toEqual(['greet-verify']);
    expect(toggleStep(run, 'empathise-vip')).toBe(run); // hidden: no vip trigger
    expect(toggleStep(run, 'no-such-step')).toBe(run);
  });

  it('follows a branch to a stage', () => {
    const run = chooseBranch(goToStage(startRun(billing, []), 'resolve'), 'resolve-agree', 0);
    expect(currentStage(run)?.id).toBe('expectations');
    expect(run.branchChoices).toEqual({ 'resolve-agree': 0 });
    expect(run.checked).toContain('resolve-agree');
    expect(run.focusStepId).toBeNull();
  });

  it('follows a branch to a step, which gets the focus', () => {
    const run = chooseBranch(goToStage(startRun(billing, []), 'resolve'), 'resolve-agree', 2);
    expect(currentStage(run)?.id).toBe('resolve');
    expect(run.focusStepId).toBe('resolve-payment-plan');
    expect(run.branchChoices).toEqual({ 'resolve-agree': 2 });
    // Moving on clears the focus.
    expect(nextStage(run).focusStepId).toBeNull();
  });

  it('ignores unknown branches and steps', () => {
    const run = startRun(billing, []);
    expect(chooseBranch(run, 'resolve-agree', 9)).toBe(run);
    expect(chooseBranch(run, 'greet-hello', 0)).toBe(run);
    expect(chooseBranch(run, 'nope', 0)).toBe(run);
  });

  it('shows a hidden step a branch leads to, in a stage elsewhere', () => {
    const script = {
      scriptId: 'custom',
      stages: [
        { id: 'greet' as const, steps: [{ id: 'ask', kind: 'ask' as const, text: 'Cancel?', when: [], branches: [{ label: 'Yes', goto: 'offer' }], articleIds: [] }] },
        {
          id: 'resolve' as const,
          steps: [
            { id: 'fix', kind: 'do' as const, text: 'Fix it', when: [], branches: [], articleIds: [] },
            { id: 'offer', kind: 'say' as const, text: 'An offer', when: ['vip'], branches: [], articleIds: [] },
          ],
        },
      ],
    };
    const run = chooseBranch(startRun(script, []), 'ask', 0);
    expect(currentStage(run)?.id).toBe('resolve');
    expect(run.focusStepId).toBe('offer');
    expect(visibleSteps(run, 'resolve').map((step) => step.id)).toEqual(['fix', 'offer']);
    expect(adherence(run)).toEqual({ done: ['ask'], total: 3 });
  });

  it('measures adherence over the steps shown', () => {
    let run = startRun(billing, ['long-wait']);
    const total = billing.stages.flatMap((stage) => stage.steps).filter((step) => step.when.length === 0 || step.when.includes('long-wait')).length;
    expect(adherence(run)).toEqual({ done: [], total });
    run = toggleStep(toggleStep(toggleStep(run, 'close-thanks'), 'greet-hello'), 'empathise-long-wait');
    expect(adherence(run)).toEqual({ done: ['greet-hello', 'empathise-long-wait', 'close-thanks'], total });
  });

  it('never changes a run in place', () => {
    const run: ScriptRun = deepFreeze(startRun(billing, ['vip']));
    const snapshot = JSON.stringify(run);
    const after = chooseBranch(goToStage(toggleStep(nextStage(run), 'greet-hello'), 'resolve'), 'resolve-agree', 1);
    previousStage(nextStage(goToStage(after, 'close')));
    expect(JSON.stringify(run)).toBe(snapshot);
    expect(after).not.toBe(run);
  });
});

describe('suggestScript', () => {
  const base = publishedScripts(NOW, 'usr_sam');
  const version = (scriptId: string, n: number, status: Script['status'] = 'published', topics?: string[]): Script => {
    const original = base.find((script) => script.scriptId === scriptId)!;
    return ScriptSchema.parse({ ...original, id: `${scriptId}@${n}`, version: n, status, topics: topics ?? original.topics });
  };

  it('picks the published script for the topic', () => {
    expect(suggestScript(base, 'billing')?.scriptId).toBe('billing-dispute');
    expect(suggestScript(base, 'outage')?.scriptId).toBe('service-outage');
    expect(suggestScript(base, 'technical')?.scriptId).toBe('service-outage');
    expect(suggestScript(base, 'Cancellation')?.scriptId).toBe('cancellation-retention');
  });

  it('falls back to the general enquiry script', () => {
    expect(suggestScript(base, 'roaming')?.scriptId).toBe('general-enquiry');
    expect(suggestScript(base, null)?.scriptId).toBe('general-enquiry');
    const withoutGeneral = base.filter((script) => script.scriptId !== 'general-enquiry');
    const catchAll = ScriptSchema.parse({ ...withoutGeneral[0]!, id: 'anything@1', scriptId: 'anything', topics: [] });
    expect(suggestScript([...withoutGeneral, catchAll], 'roaming')?.scriptId).toBe('anything');
    expect(suggestScript(withoutGeneral, 'roaming')).toBeNull();
  });

  it('prefers the latest published version and ignores drafts and retired ones', () => {
    const scripts = [...base, version('billing-dispute', 3), version('billing-dispute', 2), version('billing-dispute', 4, 'draft'), version('service-outage', 2, 'retired')];
    expect(suggestScript(scripts, 'billing')?.id).toBe('billing-dispute@3');
    expect(suggestScript(scripts, 'outage')?.id).toBe('service-outage@1');
    expect(suggestScript([version('general-enquiry', 1, 'draft')], 'billing')).toBeNull();
  });
});

describe('validateScript', () => {
  it('passes the five packs', () => {
    for (const pack of scriptPacks()) expect(validateScript(pack), pack.scriptId).toEqual([]);
  });

  const billing = scriptPacks().find((pack) => pack.scriptId === 'billing-dispute')!;
  const edit = (change: (draft: typeof billing) => void) => {
    const draft = structuredClone(billing);
    change(draft);
    return validateScript(draft);
  };

  it('reports a branch that goes nowhere', () => {
    const problems = edit((draft) => {
      draft.stages[3]!.steps[2]!.branches[3]!.goto = 'retention-offer';
    });
    expect(problems).toEqual([
      {
        path: 'stages[3].steps[2].branches[3].goto',
        message: "Stage Resolve, step 'resolve-agree': the branch “Customer wants to cancel” goes to 'retention-offer', which is not a step or stage of this script",
      },
    ]);
  });

  it('reports unknown variables and stray braces', () => {
    const problems = edit((draft) => {
      draft.stages[0]!.steps[2]!.text = 'Thanks, {customer.nickname}. Your {account} is open. {oops';
    });
    expect(problems.map((p) => p.message)).toEqual([
      "Stage Greet, step 'greet-name': uses {customer.nickname}, which is not a variable",
      "Stage Greet, step 'greet-name': uses {account}, which is not a variable",
      "Stage Greet, step 'greet-name': has a brace without its partner; variables are written {like.this}",
    ]);
    expect(problems[0]?.path).toBe('stages[0].steps[2].text');
    expect(edit((draft) => (draft.stages[2]!.steps[2]!.text = 'Your {contact.count7d}rd contact'))[0]?.message).toMatch(/after a variable/);
  });

  it('reports unknown triggers', () => {
    const problems = edit((draft) => {
      draft.stages[2]!.steps[1]!.when = ['long-wait', 'angry'];
    });
    expect(problems).toEqual([{ path: 'stages[2].steps[1].when[1]', message: expect.stringContaining("Stage Empathise, step 'empathise-long-wait': shows when “angry”, which is not a trigger") }]);
  });

  it('reports duplicate step ids', () => {
    const problems = edit((draft) => {
      draft.stages[5]!.steps[0]!.id = 'greet-hello';
    });
    expect(problems).toEqual([{ path: 'stages[5].steps[0].id', message: "Stage Close, step 'greet-hello': the id is also used in stage Greet" }]);
  });

  it('reports missing, repeated, unknown and out-of-order stages', () => {
    expect(edit((draft) => draft.stages.splice(2, 1)).map((p) => p.message)).toEqual(['The script has no Empathise stage']);
    const swapped = edit((draft) => {
      const [greet, understand] = draft.stages;
      draft.stages[0] = understand!;
      draft.stages[1] = greet!;
    });
    expect(swapped.map((p) => p.message)).toEqual([expect.stringMatching(/^Stage Greet comes after Understand the need; stages go Greet → Understand the need → Empathise/)]);
    const unknown = validateScript({ stages: [...billing.stages, { id: 'upsell', steps: [] }] });
    expect(unknown.map((p) => p.message)).toEqual([expect.stringMatching(/^Stage “upsell” is not a stage/), 'Stage “upsell” has no steps']);
    const twice = validateScript({ stages: [...billing.stages, { id: 'close', steps: [{ id: 'bye', kind: 'say', text: 'Bye' }] }] });
    expect(twice.map((p) => p.message)).toEqual(['Stage Close appears twice']);
  });

  it('reports steps of an unknown kind, badly formed ids and empty texts', () => {
    const problems = validateScript({
      stages: SCRIPT_STAGES.map((id) => ({ id, steps: [{ id: id === 'greet' ? 'Hello World' : `${id}-1`, kind: id === 'close' ? 'sing' : 'say', text: id === 'resolve' ? '  ' : 'Hi' }] })),
    });
    expect(problems.map((p) => p.message)).toEqual([
      "Stage Greet, step 'Hello World': step ids are 1–60 lowercase letters, digits and dashes",
      "Stage Resolve, step 'resolve-1': the text is empty",
      "Stage Close, step 'close-1': “sing” is not a kind of step; use say, ask or do",
    ]);
  });
});
