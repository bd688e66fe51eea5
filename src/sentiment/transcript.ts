/**
 * What the customer said in a contact: for call and chat transcripts with
 * "Customer:" / "Agent:" lines, only the customer's lines; for messages from
 * the customer (email, SMS, social), the message without quoted replies.
 */
import type { Contact } from '../domain/model';

const SPEAKER = /^\s*([A-Za-z][A-Za-z .'-]{0,40}?)\s*:\s?(.*)$/;
// English, German and Spanish speaker labels: transcripts follow the language of the call.
const CUSTOMER_LABELS = new Set(['customer', 'caller', 'client', 'kunde', 'kundin', 'anrufer', 'anruferin', 'cliente', 'llamante']);
const OTHER_LABELS = new Set([
  'agent', 'adviser', 'advisor', 'bot', 'system', 'ivr', 'supervisor',
  'agentin', 'berater', 'beraterin', 'mitarbeiter', 'mitarbeiterin',
  'agente', 'asesor', 'asesora', 'operador', 'operadora', 'sistema',
]);

export interface Turn {
  speaker: 'customer' | 'other';
  text: string;
}

/** The turns of a transcript with speaker labels; empty when the text has none. */
export function transcriptTurns(body: string): Turn[] {
  const turns: Turn[] = [];
  for (const line of body.split(/\r?\n/)) {
    const match = SPEAKER.exec(line);
    const label = match?.[1]?.trim().toLowerCase();
    if (match && label !== undefined && (CUSTOMER_LABELS.has(label) || OTHER_LABELS.has(label))) {
      turns.push({ speaker: CUSTOMER_LABELS.has(label) ? 'customer' : 'other', text: match[2] ?? '' });
    } else if (turns.length > 0 && line.trim() !== '') {
      // A line without a label continues the turn before it.
      const last = turns[turns.length - 1]!;
      last.text = `${last.text}\n${line}`;
    }
  }
  return turns;
}

/** A message without the earlier messages quoted under it. */
function withoutQuotes(body: string): string {
  const lines: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(On .+ wrote|Am .+ schrieb .+|El .+ escribió):\s*$/.test(line) || /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Mensaje original)\s*-{2,}/i.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    lines.push(line);
  }
  return lines.join('\n').trim();
}

/**
 * The customer's latest words in a contact (their last `turns` turns of a
 * transcript), or null when there are none to read: notes, messages we sent,
 * calls without a transcript, transcripts where the customer has not spoken yet.
 */
export function customerWords(contact: Pick<Contact, 'channel' | 'direction' | 'body'>, turns = 3): string | null {
  if (contact.channel === 'note' || contact.direction === 'internal') return null;
  const labelled = transcriptTurns(contact.body);
  if (labelled.length > 0) {
    const said = labelled.filter((turn) => turn.speaker === 'customer').map((turn) => turn.text.trim()).filter((text) => text !== '');
    return said.length > 0 ? said.slice(-Math.max(1, turns)).join('\n') : null;
  }
  // A call without a transcript holds only what the phone system noted ("In queue. Caller chose…").
  if (contact.direction !== 'inbound' || contact.channel === 'call') return null;
  const text = withoutQuotes(contact.body);
  return text === '' ? null : text;
}
