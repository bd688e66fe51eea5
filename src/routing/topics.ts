/**
 * What an inbound message is about, from its words: a small, explainable
 * keyword model. Each topic has weighted patterns; words in the subject count
 * twice as much as words in the body; the highest score wins, and ties go to
 * the topic listed first (a cancellation outranks the billing question it
 * mentions). Nothing recognised: null.
 */

export const TOPICS = ['cancellation', 'outage', 'billing', 'delivery', 'technical', 'general'] as const;
export type Topic = (typeof TOPICS)[number];

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

type Pattern = readonly [RegExp, number];

const PATTERNS: Record<Topic, readonly Pattern[]> = {
  cancellation: [
    [/\bcancel(?:s|l?ed|l?ing|lation|lations)?\b/g, 3],
    [/\bterminat(?:e|ed|ing|ion)\b/g, 3],
    [/\bclose my account\b/g, 3],
    [/\bend my (?:contract|service|subscription)\b/g, 3],
    [/\bleaving\b/g, 2],
    [/\bexit fee\b/g, 2],
    [/\bcheaper (?:deal|offer|elsewhere)\b/g, 2],
    [/\bnotice period\b/g, 2],
    [/\bswitch(?:ing)? (?:provider|supplier|to another)\b/g, 2],
    [/\bleave\b/g, 1],
  ],
  outage: [
    [/\boutages?\b/g, 3],
    [/\bno (?:mobile |phone |broadband |tv |wi-?fi |home )?(?:internet|signal|service|connection|network|reception|dial tone|channels)\b/g, 3],
    [/\bsos only\b/g, 3],
    [/\b(?:whole|entire) (?:street|area|town|village)\b/g, 2],
    [/\bin (?:my|our|the) area\b/g, 2],
    [/\b(?:is|are|been|went|gone|going) down\b/g, 2],
    [/\bdown\b/g, 1],
    [/\bnot working\b/g, 1],
    [/\bsignal\b/g, 1],
    [/\bcut off\b/g, 1],
  ],
  billing: [
    [/\bbill(?:s|ed|ing)?\b/g, 3],
    [/\binvoices?\b/g, 3],
    [/\bovercharg\w*/g, 3],
    [/\bdirect debits?\b/g, 3],
    [/\bcharge(?:s|d)?\b|\bcharging\b/g, 2],
    [/\brefund\w*/g, 2],
    [/\bpayments?\b/g, 2],
    [/\binstal?lments?\b/g, 2],
    [/\bpay\b|\bpaid\b/g, 1],
    [/\bprices?\b|\bpricing\b/g, 1],
    [/\bfees?\b/g, 1],
    [/\bstatement\b/g, 1],
  ],
  delivery: [
    [/\bdeliver(?:y|ies|ed)?\b/g, 3],
    [/\bparcels?\b/g, 3],
    [/\bcouriers?\b/g, 3],
    [/\btracking\b/g, 2],
    [/\bdispatch(?:ed)?\b/g, 2],
    [/\bship(?:ping|ped|ment)\b/g, 2],
    [/\b(?:hasn'?t|has not|haven'?t|never) (?:arrived|come|turned up)\b/g, 2],
    [/\binstall(?:ation|ed|er)?\b/g, 2],
    [/\bengineer (?:visit|appointment|didn'?t|did not|never)\b/g, 2],
    [/\bwrong (?:item|box|thing|parcel|order)\b/g, 2],
    [/\barriv(?:e|ed|al)\b/g, 1],
    [/\bappointment\b/g, 1],
    [/\bturn(?:ed)? up\b/g, 1],
  ],
  technical: [
    [/\bwi-?fi\b/g, 2],
    [/\bslow\b/g, 2],
    [/\bdrop(?:s|ping|ped)? (?:out|off)\b|\bdropping\b/g, 2],
    [/\bfreez(?:e|es|ing)\b/g, 2],
    [/\bpasswords?\b/g, 2],
    [/\blog ?in\b|\blogin\b|\bsign ?in\b/g, 2],
    [/\bconfigur\w*/g, 2],
    [/\bcrash\w*/g, 2],
    [/\bbugs?\b/g, 2],
    [/\bmodem\b/g, 2],
    [/\bfirmware\b/g, 2],
    [/\brouter\b/g, 1],
    [/\bspeeds?\b/g, 1],
    [/\berrors?\b/g, 1],
    [/\breset\b/g, 1],
    [/\bset ?up\b/g, 1],
    [/\bapp\b/g, 1],
    [/\bfaults?\b/g, 1],
    [/\bconnection\b/g, 1],
    [/\bdrops?\b/g, 1],
    [/\bdisconnect\w*/g, 1],
  ],
  general: [
    [/\bupdate my (?:details|address|name)\b/g, 3],
    [/\bchange of (?:name|address)\b/g, 3],
    [/\bupgrade\w*/g, 2],
    [/\bthank(?:s| you)\b/g, 2],
    [/\bopening hours\b/g, 2],
    [/\bcompliments?\b/g, 2],
    [/\badd (?:my|a) \w+ to\b/g, 2],
    [/\bquestions?\b/g, 1],
    [/\b(?:enquir|inquir)(?:y|ies)\b/g, 1],
    [/\binformation\b/g, 1],
    [/\bcopy of\b/g, 1],
    [/\bfeedback\b/g, 1],
  ],
};

/** Lower case, curly apostrophes straightened, whitespace collapsed. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
}

function score(text: string, patterns: readonly Pattern[]): number {
  if (!text) return 0;
  let total = 0;
  for (const [pattern, weight] of patterns) {
    pattern.lastIndex = 0;
    const hits = text.match(pattern)?.length ?? 0;
    total += hits * weight;
  }
  return total;
}

/** Scores of every topic (subject words count double); for explaining a routing decision. */
export function topicScores(subject: string, body: string): Record<Topic, number> {
  const s = normalise(subject);
  // Long bodies are scored on their beginning: what a message is about comes first, and it bounds the work.
  const b = normalise(body.slice(0, 5000));
  const scores = {} as Record<Topic, number>;
  for (const topic of TOPICS) scores[topic] = 2 * score(s, PATTERNS[topic]) + score(b, PATTERNS[topic]);
  return scores;
}

/** The topic a message is about, or null when nothing in it is recognised. */
export function detectTopic(subject: string, body: string): Topic | null {
  const scores = topicScores(subject, body);
  let best: Topic | null = null;
  for (const topic of TOPICS) {
    if (scores[topic] > 0 && (best === null || scores[topic] > scores[best])) best = topic;
  }
  return best;
}
