/** The demo company's knowledge base: a few policies, how-tos and saved replies agents look up during contacts. */
import type { Article } from '../domain/model';

type Seed = Pick<Article, 'id' | 'kind' | 'title' | 'tags' | 'body'>;

const ARTICLES: readonly Seed[] = [
  {
    id: 'kb-double-charge',
    kind: 'policy',
    title: 'Double charges: refund at once',
    tags: ['billing', 'refund'],
    body: 'When a customer has been charged twice for the same bill, refund the second payment during the contact. No manager approval is needed up to £500.\n\nTell the customer the refund reaches their account within three working days, and note the payment reference in the wrap-up summary.\n\nAbove £500, log a billing dispute and promise a callback within one business day.',
  },
  {
    id: 'kb-outage-credit',
    kind: 'policy',
    title: 'Service outages: when a credit is due',
    tags: ['outage', 'credit', 'goodwill'],
    body: 'Customers without service for more than 24 hours in a row are due a credit of one day’s charge for every day or part-day without service. Apply it without being asked.\n\nFor repeated outages (three or more in 30 days), offer an engineer visit and a further goodwill credit of up to £20.',
  },
  {
    id: 'kb-delivery-claim',
    kind: 'how-to',
    title: 'Raising a claim for a lost delivery',
    tags: ['delivery', 'claim'],
    body: 'A parcel counts as lost when tracking has not moved for 5 working days.\n\n1. Confirm the delivery address with the customer.\n2. Open a claim with the carrier from the order page.\n3. Offer a replacement or a refund; replacements ship next working day.\n4. Plan a follow-up for 3 working days later to confirm it arrived.',
  },
  {
    id: 'kb-retention-offers',
    kind: 'policy',
    title: 'Cancellations: what we can offer',
    tags: ['cancellation', 'retention'],
    body: 'Listen first: ask what made the customer want to leave. Only then offer what fits the reason.\n\nPrice: up to 20% off for 12 months. Speed or outages: a free upgrade for 3 months. Moving home: free transfer of the service.\n\nIf the customer still wants to leave, make it easy: confirm the end date and any final bill in writing.',
  },
  {
    id: 'kb-identity-check',
    kind: 'how-to',
    title: 'Checking who you are speaking to',
    tags: ['security', 'identity', 'account'],
    body: 'Before discussing an account, confirm two of: full postcode, date of birth, the last four digits of the payment card, or a one-time code sent to the phone on file.\n\nNever read out what is on file for the caller to confirm. If the checks fail, offer to call back on the number on file.',
  },
  {
    id: 'kb-reply-engineer-visit',
    kind: 'reply',
    title: 'Engineer visit booked',
    tags: ['outage', 'engineer', 'technical'],
    body: 'Hi {customer.firstName}, your engineer visit is booked. The engineer will call about 30 minutes before arriving. If the time no longer suits you, reply here and I will move it. Thanks, {agent.firstName}',
  },
];

/** The demo articles, written by the supervisor at `at`. */
export function demoArticles(at: number, by: string): Article[] {
  return ARTICLES.map((seed) => ({ ...seed, tags: [...seed.tags], archived: false, language: 'en-GB', variants: {}, updatedAt: at, updatedBy: by }));
}
