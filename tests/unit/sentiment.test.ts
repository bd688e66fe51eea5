import { describe, expect, it } from 'vitest';
import {
  NEGATIVE_THRESHOLD,
  POSITIVE_THRESHOLD,
  analyseSentiment,
  customerWords,
  labelFor,
  type SentimentLabel,
} from '@core/sentiment';

/**
 * Hand-labelled customer messages: chats, emails, SMS and social posts to a
 * broadband, mobile and TV provider. `clear` marks the ones no reader would
 * argue about; those must never come out with the opposite label.
 */
interface Example {
  text: string;
  label: SentimentLabel;
  clear?: boolean;
}

const NEGATIVE: Example[] = [
  { text: "This is the third time I've called about the same fault and nobody has sorted it.", label: 'negative', clear: true },
  { text: 'Still not working. Absolutely ridiculous.', label: 'negative', clear: true },
  { text: "I'm disgusted with the way I've been treated. I want to cancel my contract.", label: 'negative', clear: true },
  { text: 'Your service is useless. Been without internet for 3 days!!', label: 'negative', clear: true },
  { text: "Hi. I was promised a call back and never got one. I'm really fed up now.", label: 'negative', clear: true },
  { text: "You've taken £68.40 twice from my bank this month. Please refund it ASAP. Getting fed up now.", label: 'negative', clear: true },
  { text: '@BrightwaveHelp why has my bill jumped to £54 with no warning? Not impressed.', label: 'negative', clear: true },
  { text: 'Engineer didnt turn up AGAIN. Took a day off work for nothing 😡', label: 'negative', clear: true },
  {
    text: "To whom it may concern,\n\nI've already spent ages on this and I'm losing patience. My bill has gone up to £72 this month and nobody told me it was changing.\n\nI would like a proper answer this time, please.\n\nRegards,\nMark Ellis",
    label: 'negative',
    clear: true,
  },
  { text: 'WORST COMPANY EVER. I have been on hold for an hour.', label: 'negative', clear: true },
  { text: "That's not really good enough, but okay.", label: 'negative' },
  { text: 'Okay. I\'ll believe it when I see it.', label: 'negative' },
  { text: "I'm chasing this again because I've heard nothing. Where is my refund??", label: 'negative', clear: true },
  { text: 'The broadband keeps dropping every evening and it is driving me mad. I work from home and this is unacceptable.', label: 'negative', clear: true },
  { text: 'Router still flashing red :( second time asking', label: 'negative', clear: true },
  { text: 'Honestly the worst customer service I have ever had. Passed from pillar to post.', label: 'negative', clear: true },
  { text: "I am not happy at all. The parcel was marked as delivered but it never arrived.", label: 'negative', clear: true },
  { text: 'Thanks for nothing. Going to switch provider.', label: 'negative', clear: true },
  { text: "Your app keeps crashing and I can't log in to pay my bill. Very frustrating.", label: 'negative', clear: true },
  { text: "I don't understand why I'm being charged an exit fee when you broke the contract first. Misleading and unfair.", label: 'negative', clear: true },
  { text: 'How many times do I have to explain this? Nothing has changed since last week.', label: 'negative', clear: true },
  { text: 'Signal is rubbish at home and nobody seems to care 😤', label: 'negative', clear: true },
  { text: 'I have had enough. Please cancel everything.', label: 'negative', clear: true },
  { text: "The TV box freezes every night. I've done everything your team asked and it's still broken.", label: 'negative', clear: true },
  { text: 'Day 4 with no broadband. No updates, no compensation offered. Shocking.', label: 'negative', clear: true },
  { text: 'Waited in for the engineer all day, no show, no phone call. Appalling.', label: 'negative', clear: true },
  { text: 'Great. Another outage. Just what I needed this week.', label: 'negative', clear: true },
  { text: "I've been a loyal customer for 12 years and this is how you treat me?", label: 'negative', clear: true },
  { text: "Speed test says 2Mbps and I'm paying for 500. Sort it out.", label: 'negative' },
];

const NEUTRAL: Example[] = [
  { text: 'Hi, can you tell me when my contract ends?', label: 'neutral' },
  { text: "Hello,\n\nI'm moving house on 14 March. Could you look into moving my broadband to the new address and let me know?\n\nKind regards,\nPriya Shah", label: 'neutral' },
  { text: 'What time does the engineer arrive tomorrow? Acc 40021877', label: 'neutral' },
  { text: 'Hi. I need to update my payment details.', label: 'neutral' },
  { text: 'Can I add a second SIM to my account?', label: 'neutral' },
  { text: 'Following up on my earlier message.', label: 'neutral' },
  { text: 'Okay, that makes sense.', label: 'neutral' },
  { text: 'Right, thanks.', label: 'neutral' },
  { text: 'Fair enough.', label: 'neutral' },
  { text: 'Is there a way to get a paper bill instead of an email one?', label: 'neutral' },
  { text: "@BrightwaveHelp what's the best number to call about a business line?", label: 'neutral' },
  { text: 'Hi there,\n\nPlease could you send me a copy of my last three bills.\n\nThanks,\nTom', label: 'neutral' },
  { text: 'My router lights are orange. Is that normal after a reset?', label: 'neutral' },
  { text: 'I would like to change my direct debit date to the 28th.', label: 'neutral' },
  { text: 'Do you have fibre available at BS3 4QT yet?', label: 'neutral' },
  { text: 'Hi, I think my bill is a bit higher than usual, can you explain the extra £3?', label: 'neutral' },
  { text: "Could I downgrade my TV package to the basic one from next month please", label: 'neutral' },
  { text: "I'd like to cancel the sports add-on at the end of this month please.", label: 'neutral' },
  { text: 'Yes, the account is in my name. The postcode is M14 5RT.', label: 'neutral' },
  { text: 'No, that\'s everything.', label: 'neutral' },
  { text: 'Is the outage in Leeds affecting mobile data too?', label: 'neutral' },
  { text: 'Hi, when will my new router be delivered? I ordered it on Monday.', label: 'neutral' },
  { text: 'I was told someone would call me today between 2 and 4. Just checking that is still the plan.', label: 'neutral' },
  { text: 'Can you confirm my roaming is switched on before I travel on Friday?', label: 'neutral' },
  { text: 'Dear Brightwave team,\n\nPlease find attached the form you asked for.\n\nBest wishes,\nAlan Reid', label: 'neutral' },
  { text: 'OK. What do I need to do next?', label: 'neutral' },
  { text: "I'm not sure if my bill includes the new add-on, could you check?", label: 'neutral' },
  { text: "The engineer said he'd come back with a new part. Has that been booked?", label: 'neutral' },
  { text: "Please can you call me after 5pm, I'm at work until then.", label: 'neutral' },
];

const POSITIVE: Example[] = [
  { text: "Brilliant, thank you so much. That's sorted it.", label: 'positive', clear: true },
  { text: 'Lovely, thank you.', label: 'positive', clear: true },
  { text: 'Perfect, that really helps.', label: 'positive', clear: true },
  { text: "That's great, thanks for sorting it.", label: 'positive', clear: true },
  { text: 'Shout out to @BrightwaveHelp, fixed my broadband in 20 minutes 👏', label: 'positive', clear: true },
  { text: 'Just wanted to say Aisha was brilliant on the phone today. Really patient and explained everything.', label: 'positive', clear: true },
  { text: 'Internet is back up and running, thanks for the quick fix!', label: 'positive', clear: true },
  { text: 'No, that\'s all. Thanks, Ben, you\'ve been really helpful.', label: 'positive', clear: true },
  { text: "Hi Brightwave team,\n\nI just wanted to say thank you for the help last week. The engineer was friendly and professional and everything works perfectly now.\n\nMany thanks,\nJoan", label: 'positive', clear: true },
  { text: 'Best customer service call I have had in years.', label: 'positive', clear: true },
  { text: 'Thanks so much, really appreciate it 🙂', label: 'positive', clear: true },
  { text: 'New router arrived this morning, speeds are much better. Happy customer!', label: 'positive', clear: true },
  { text: 'Quick, friendly and clear. Thank you.', label: 'positive', clear: true },
  { text: 'Got the credit on my bill, thanks for sorting that so quickly!', label: 'positive', clear: true },
  { text: "Wow, that was painless. Didn't expect to be done in 5 minutes!", label: 'positive' },
  { text: 'The new app is so much easier to use 👍', label: 'positive', clear: true },
  { text: "Can't fault the service since I switched. Would recommend.", label: 'positive', clear: true },
  { text: 'Ta very much, all working now 😊', label: 'positive', clear: true },
  { text: 'Delighted with the upgrade, thank you!', label: 'positive', clear: true },
  { text: 'You have been a star, thank you for your patience with me.', label: 'positive', clear: true },
  { text: "Not bad at all, actually. The engineer was on time and sorted it.", label: 'positive' },
  { text: 'Cheers, that makes sense now. Good to know the discount carries on.', label: 'positive' },
  { text: 'I was dreading this call but you made it really easy. Thank you!', label: 'positive', clear: true },
  { text: 'Connection has been rock solid since the engineer visit. Great job team 🙌', label: 'positive', clear: true },
  { text: 'Spot on, thanks Lee.', label: 'positive', clear: true },
  { text: 'Thank you for calling me back as promised, really appreciated.', label: 'positive', clear: true },
  { text: 'Finally got through and the lady I spoke to was lovely.', label: 'positive', clear: true },
  { text: 'Cheers for the speedy reply', label: 'positive' },
  { text: 'Much better since the new router went in, no more dropouts', label: 'positive', clear: true },
];

const ALL = [...NEGATIVE, ...NEUTRAL, ...POSITIVE];

describe('labelled customer messages', () => {
  const results = ALL.map((example) => ({ ...example, result: analyseSentiment(example.text) }));
  const correct = results.filter((r) => r.result.label === r.label);
  const accuracy = correct.length / results.length;

  it('has a balanced set of at least 60 examples', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    expect(NEGATIVE.length).toBe(NEUTRAL.length);
    expect(POSITIVE.length).toBe(NEUTRAL.length);
  });

  it('labels at least 85% of them as a person would', () => {
    const wrong = results.filter((r) => r.result.label !== r.label).map((r) => `${r.label} → ${r.result.label} (${r.result.score}): ${r.text}`);
    expect(accuracy, `accuracy ${(accuracy * 100).toFixed(1)}%, wrong:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.85);
  });

  it.each(['negative', 'neutral', 'positive'] as const)('gets most %s examples right', (label) => {
    const ofLabel = results.filter((r) => r.label === label);
    const right = ofLabel.filter((r) => r.result.label === label);
    expect(right.length / ofLabel.length).toBeGreaterThanOrEqual(0.75);
  });

  it('never reads a clearly negative message as positive, or the reverse', () => {
    for (const r of results.filter((x) => x.clear)) {
      const opposite = r.label === 'negative' ? 'positive' : 'negative';
      expect(r.result.label, r.text).not.toBe(opposite);
    }
  });

  it('never reads any labelled negative as positive or positive as negative', () => {
    for (const r of results) {
      if (r.label === 'negative') expect(r.result.label, r.text).not.toBe('positive');
      if (r.label === 'positive') expect(r.result.label, r.text).not.toBe('negative');
    }
  });
});

describe('analyseSentiment', () => {
  it('scores from −1 to 1 with labels at the exported thresholds', () => {
    expect(NEGATIVE_THRESHOLD).toBe(-0.3);
    expect(POSITIVE_THRESHOLD).toBe(0.3);
    expect(labelFor(-0.3)).toBe('negative');
    expect(labelFor(-0.29)).toBe('neutral');
    expect(labelFor(0.3)).toBe('positive');
    for (const text of ['', 'USELESS USELESS USELESS!!!! 😡😡😡 worst ever', 'BRILLIANT!!! thank you so so much 😍😍']) {
      const { score } = analyseSentiment(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('is neutral with no cues for empty or plain text', () => {
    expect(analyseSentiment('')).toEqual({ score: 0, label: 'neutral', cues: [] });
    expect(analyseSentiment('My account number is 40021877.')).toEqual({ score: 0, label: 'neutral', cues: [] });
  });

  it('names the words that drove the score', () => {
    const result = analyseSentiment("This is ridiculous, it's the third time I've called.");
    expect(result.cues).toEqual(expect.arrayContaining(['ridiculous', 'third time']));
    expect(analyseSentiment('Brilliant, thank you so much!').cues).toEqual(['brilliant', 'thank you so much']);
  });

  describe('negation', () => {
    it('turns positive words negative', () => {
      expect(analyseSentiment('I am happy with the service').label).toBe('positive');
      expect(analyseSentiment('I am not happy with the service').label).toBe('negative');
      expect(analyseSentiment('The engineer was not helpful').score).toBeLessThan(0);
      expect(analyseSentiment("I wouldn't recommend you to anyone").score).toBeLessThan(0);
    });

    it('reads "isn\'t working" as a fault and "working" as fine', () => {
      expect(analyseSentiment('My broadband is working').score).toBeGreaterThan(0);
      expect(analyseSentiment("My broadband isn't working").score).toBeLessThan(0);
      expect(analyseSentiment('My broadband isnt working').score).toBeLessThan(0);
      expect(analyseSentiment('my broadband doesn’t work').score).toBeLessThan(0);
      expect(analyseSentiment("isn't working").cues).toEqual(["isn't working"]);
      expect(analyseSentiment('It is not working at all').cues[0]).toMatch(/not working/);
    });

    it('softens negated negative words to mildly positive', () => {
      const notBad = analyseSentiment('not bad');
      expect(notBad.score).toBeGreaterThan(0);
      expect(notBad.score).toBeLessThan(analyseSentiment('good').score);
      expect(analyseSentiment('No problems at all since the visit').score).toBeGreaterThan(0);
      expect(analyseSentiment('No problem, thanks').label).toBe('positive');
    });

    it('stops at the end of the clause', () => {
      // "not" belongs to "not sure"; "brilliant" stands on its own after the comma.
      expect(analyseSentiment("I'm not sure why, but the engineer was brilliant").label).toBe('positive');
    });
  });

  describe('intensifiers and dampeners', () => {
    it('strengthens with very, really, absolutely', () => {
      const plain = analyseSentiment('The service was poor').score;
      expect(analyseSentiment('The service was very poor').score).toBeLessThan(plain);
      expect(analyseSentiment('The service was absolutely poor').score).toBeLessThan(analyseSentiment('The service was very poor').score);
      expect(analyseSentiment('really helpful').score).toBeGreaterThan(analyseSentiment('helpful').score);
    });

    it('softens with a bit, slightly, kind of', () => {
      const plain = analyseSentiment('The connection is slow').score;
      expect(analyseSentiment('The connection is a bit slow').score).toBeGreaterThan(plain);
      expect(analyseSentiment('The connection is slightly slow').score).toBeGreaterThan(plain);
      expect(analyseSentiment('It was kind of confusing').score).toBeGreaterThan(analyseSentiment('It was confusing').score);
    });

    it('keeps "kind of you" kind', () => {
      expect(analyseSentiment("That's very kind of you").label).toBe('positive');
    });

    it('weighs what follows "but" more', () => {
      expect(analyseSentiment('The engineer was friendly but the broadband is still not working').label).toBe('negative');
      expect(analyseSentiment('It took a while but the agent was brilliant and sorted it').label).toBe('positive');
    });
  });

  describe('capitals and exclamation marks', () => {
    it('makes shouted sentiment words stronger', () => {
      expect(analyseSentiment('this is USELESS').score).toBeLessThan(analyseSentiment('this is useless').score);
      expect(analyseSentiment('THANK YOU').score).toBeGreaterThan(analyseSentiment('thank you').score);
    });

    it('reads a shouted sentence as upset', () => {
      const result = analyseSentiment('WHY HAS NOBODY CALLED ME BACK');
      expect(result.label).toBe('negative');
      expect(result.cues).toContain('ALL CAPS');
    });

    it('does not treat acronyms as shouting', () => {
      expect(analyseSentiment('My TV and SMS PIN reset').label).toBe('neutral');
    });

    it('adds emphasis with "!!" in the direction of the sentence', () => {
      expect(analyseSentiment('This is terrible!!').score).toBeLessThan(analyseSentiment('This is terrible').score);
      expect(analyseSentiment('Thank you!!').score).toBeGreaterThan(analyseSentiment('Thank you').score);
      expect(analyseSentiment('Where is my engineer??').score).toBeLessThan(analyseSentiment('Where is my engineer?').score);
      expect(analyseSentiment('When is the engineer coming??').score).toBeLessThan(0);
    });
  });

  describe('emoticons and emoji', () => {
    it.each([
      [':(', 'negative'],
      [":'(", 'negative'],
      ['😡', 'negative'],
      ['🤬', 'negative'],
      ['👎', 'negative'],
      [':)', 'positive'],
      [':D', 'positive'],
      ['🙂', 'positive'],
      ['😍', 'positive'],
      ['👍', 'positive'],
      ['❤️', 'positive'],
    ] as const)('%s reads %s', (symbol, label) => {
      expect(analyseSentiment(`Router arrived ${symbol}`).label).toBe(label);
      expect(analyseSentiment(`Router arrived ${symbol}`).cues).toContain(symbol.replace('\uFE0F', '').toLowerCase());
    });

    it('ignores colons and slashes in addresses and times', () => {
      expect(analyseSentiment('See https://brightwave.example/help at 10:30').label).toBe('neutral');
      expect(analyseSentiment('See https://brightwave.example/help at 10:30').cues).toEqual([]);
    });

    it('lets an emoji turn a plain message', () => {
      expect(analyseSentiment('Engineer is coming tomorrow 🙄').score).toBeLessThan(0);
      expect(analyseSentiment('Engineer is coming tomorrow 🎉').score).toBeGreaterThan(0);
    });
  });
});

describe('customerWords', () => {
  const call = (body: string) => ({ channel: 'call' as const, direction: 'inbound' as const, body });

  it('reads only the customer lines of a transcript', () => {
    const body = "Agent: I'm sorry, that's really frustrating.\nCustomer: It's the third time I've called.\nAgent: Let me fix that now, it's terrible.";
    expect(customerWords(call(body))).toBe("It's the third time I've called.");
  });

  it('keeps the latest customer turns', () => {
    const body = 'Customer: one\nAgent: a\nCustomer: two\nCustomer: three\nAgent: b\nCustomer: four';
    expect(customerWords(call(body))).toBe('two\nthree\nfour');
    expect(customerWords(call(body), 1)).toBe('four');
  });

  it('continues a turn over unlabelled lines', () => {
    expect(customerWords(call('Customer: first line\nsecond line\nAgent: ok'))).toBe('first line\nsecond line');
  });

  it('has nothing to read before the customer speaks, in notes, or in what we sent', () => {
    expect(customerWords(call('Agent: Hello, how can I help?'))).toBeNull();
    expect(customerWords({ channel: 'note', direction: 'internal', body: 'Customer is angry' })).toBeNull();
    expect(customerWords({ channel: 'email', direction: 'outbound', body: 'We are sorry' })).toBeNull();
    expect(customerWords(call('In queue. Caller chose "Report a fault or outage" in the phone menu.'))).toBeNull();
  });

  it('reads the whole message of an email, SMS or post, without quoted replies', () => {
    const email = 'Still waiting.\n\nOn Mon, 3 Mar 2026 at 10:00, Brightwave wrote:\n> We are sorry for the delay';
    expect(customerWords({ channel: 'email', direction: 'inbound', body: email })).toBe('Still waiting.');
    expect(customerWords({ channel: 'sms', direction: 'inbound', body: 'Thanks!' })).toBe('Thanks!');
    expect(customerWords({ channel: 'chat', direction: 'inbound', body: 'Is anyone there?' })).toBe('Is anyone there?');
  });
});
