import { describe, expect, it } from 'vitest';
import { REACHABLE_CHANNELS, type Channel } from '@core/domain/common';
import { newContact, newCustomer, newUser } from '@core/domain/model';
import { publishedScripts } from '@core/demo/scripts';
import { formatScriptProblem, MISSING_VALUE_HINTS, scriptLine, validateScript as scriptProblems, variablesFor, wordedForChannel, type ScriptDraft, type Situation } from '@core/scripts';
import { intlFor } from '../helpers/intl';

/** The script problems as a supervisor reading British English sees them. */
const validateScript = (draft: ScriptDraft) => scriptProblems(draft).map((problem) => ({ path: problem.path, message: formatScriptProblem(intlFor('en-GB'), problem) }));

const NOW = Date.UTC(2026, 10, 23, 14, 0);
const customer = newCustomer({ id: 'cus_ana', firstName: 'Ana', preferredChannel: 'chat', createdAt: 0 });
const agent = newUser({ id: 'usr_ben', username: 'ben', name: 'Ben Ortiz', role: 'agent' });

function situationOn(channel: Channel, fields: Partial<Situation> = {}): Situation {
  const contact = newContact({ id: `con_${channel}`, customerId: customer.id, channel, direction: 'inbound', body: 'Hello', at: NOW - 60_000 });
  return { customer, agent, contact, history: [], surveys: [], followUps: [], queueItem: null, now: NOW, companyName: 'Brightwave', ...fields };
}

const greeting = () => {
  const pack = publishedScripts(NOW, 'usr_sam').find((script) => script.scriptId === 'general-enquiry')!;
  return pack.stages.find((stage) => stage.id === 'greet')!.steps[0]!.text;
};

describe('script lines on each channel', () => {
  it('thanks a caller for calling, and a chat, email, SMS or social contact in their own words', () => {
    const said = (channel: Channel) => scriptLine(greeting(), variablesFor(situationOn(channel)), channel).text;
    expect(said('call')).toBe("Thank you for calling Brightwave, you're through to Ben. Who am I speaking with today?");
    expect(said('chat')).toBe("Thanks for messaging Brightwave, you're through to Ben. Who am I speaking with today?");
    expect(said('email')).toBe("Thank you for emailing Brightwave, you're through to Ben. Who am I speaking with today?");
    expect(said('sms')).toBe("Thanks for texting Brightwave, you're through to Ben. Who am I speaking with today?");
    for (const channel of REACHABLE_CHANNELS.filter((c) => c !== 'call')) expect(said(channel)).not.toMatch(/calling/i);
  });

  it('rewords a stored version written before scripts knew the channel, on written channels only', () => {
    const old = 'Thank you for calling {company.name}. Thank you for holding, {customer.firstName}.';
    const vars = variablesFor(situationOn('chat'));
    expect(scriptLine(old, vars, 'chat').text).toBe('Thanks for messaging Brightwave. Thank you for waiting, Ana.');
    expect(scriptLine(old, vars, 'call').text).toBe('Thank you for calling Brightwave. Thank you for holding, Ana.');
    expect(wordedForChannel('and thanks for calling us', 'email')).toBe('and thank you for emailing us');
  });
});

describe('a line that needs the promise', () => {
  const line = 'So you know exactly what happens next: {promise.text}.';

  it('says how to insert the promise while there is none, as a message apart from the line, and cannot be inserted', () => {
    const result = scriptLine(line, variablesFor(situationOn('chat')), 'chat');
    expect(result.parts).toEqual([
      { text: 'So you know exactly what happens next: ' },
      { missing: 'promise.text', hint: { descriptor: MISSING_VALUE_HINTS.promise, values: { keys: 'Alt+P' } } },
      { text: '.' },
    ]);
    // The hint is for the agent, in the agent's language: no English instruction is glued into the customer's words.
    expect(result.text).toBe('So you know exactly what happens next: {promise.text}.');
    expect(result.text).not.toMatch(/Alt\+P|press/i);
    expect(result.waitingFor).toEqual(['promise.text']);
    expect(result.insertable).toBe(false);
  });

  it('reads the hint in each of the agent\'s languages', () => {
    const result = scriptLine(line, variablesFor(situationOn('chat')), 'chat');
    const hint = result.parts.flatMap((part) => ('hint' in part ? [part.hint] : []))[0]!;
    const said = (locale: 'en-GB' | 'de' | 'es') => intlFor(locale).formatMessage(hint.descriptor, { ...hint.values, kbd: (chunks: string[]) => `[${chunks.join('')}]` });
    expect(said('en-GB')).toBe('Press [Alt+P] to insert the promise');
    expect(said('de')).toBe('Drücken Sie [Alt+P], um die Zusage einzufügen');
    expect(said('es')).toBe('Pulsa [Alt+P] para insertar el compromiso');
  });

  it('reads the promise once it is inserted', () => {
    const vars = variablesFor(situationOn('call', { promiseText: "we'll call you back by 4 pm tomorrow" }));
    const text = "So you know exactly what happens next: we'll call you back by 4 pm tomorrow.";
    expect(scriptLine(line, vars, 'call')).toEqual({ text, parts: [{ text }], waitingFor: [], insertable: true });
  });

  it('asks for the gesture to be offered before a line that names it', () => {
    const result = scriptLine('As a thank-you: {gesture.text}.', variablesFor(situationOn('email')), 'email');
    expect(result.parts).toEqual([{ text: 'As a thank-you: ' }, { missing: 'gesture.text', hint: { descriptor: MISSING_VALUE_HINTS.gesture } }, { text: '.' }]);
    expect(intlFor('de').formatMessage(MISSING_VALUE_HINTS.gesture)).toBe('Bieten Sie zuerst die Kulanzleistung unten an');
  });
});

describe('the script checks', () => {
  const draft = (text: string, kind = 'say') => ({
    name: 'Greeting',
    stages: ['greet', 'understand', 'empathise', 'resolve', 'expectations', 'close'].map((id) => ({ id, steps: [{ id: `${id}-1`, kind: id === 'greet' ? kind : 'say', text: id === 'greet' ? text : 'Fine.' }] })),
  });

  it('refuses a line that thanks every customer for calling, and suggests the channel variable', () => {
    const problems = validateScript(draft('Thank you for calling {company.name}.'));
    expect(problems).toEqual([{ path: 'stages[0].steps[0].text', message: expect.stringContaining('“{contact.thanks} {company.name}”') as string }]);
    expect(validateScript(draft('{contact.thanks} {company.name}.'))).toEqual([]);
  });

  it('lets an action for the agent mention calling', () => {
    expect(validateScript(draft('Thank you for calling: read back the number we hold.', 'do'))).toEqual([]);
  });

  it('passes every shipped pack', () => {
    for (const script of publishedScripts(NOW, 'usr_sam')) expect(validateScript(script), script.scriptId).toEqual([]);
  });
});
