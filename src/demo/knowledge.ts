/**
 * The demo company's knowledge base: a few policies, how-tos and saved replies agents look up during contacts.
 * Some are translated into German and Spanish; the others show the workspace's "no version in this language" notice.
 */
import type { Article } from '../domain/model';

type Seed = Pick<Article, 'id' | 'kind' | 'title' | 'tags' | 'body'> & Partial<Pick<Article, 'variants'>>;

const ARTICLES: readonly Seed[] = [
  {
    id: 'kb-double-charge',
    kind: 'policy',
    title: 'Double charges: refund at once',
    tags: ['billing', 'refund'],
    body: 'When a customer has been charged twice for the same bill, refund the second payment during the contact. No manager approval is needed up to £500.\n\nTell the customer the refund reaches their account within three working days, and note the payment reference in the wrap-up summary.\n\nAbove £500, log a billing dispute and promise a callback within one business day.',
    variants: {
      de: {
        title: 'Doppelte Abbuchung: sofort erstatten',
        body: 'Wurde einem Kunden dieselbe Rechnung zweimal abgebucht, die zweite Zahlung noch während des Kontakts erstatten. Bis 500 £ ist keine Freigabe durch die Teamleitung nötig.\n\nDem Kunden sagen, dass die Erstattung innerhalb von drei Werktagen auf seinem Konto ist, und die Zahlungsreferenz in der Zusammenfassung der Nachbearbeitung notieren.\n\nÜber 500 £ eine Rechnungsreklamation anlegen und einen Rückruf innerhalb eines Geschäftstags zusagen.',
      },
      es: {
        title: 'Cobros duplicados: reembolso inmediato',
        body: 'Si a un cliente se le ha cobrado dos veces la misma factura, reembolsar el segundo pago durante el contacto. Hasta 500 £ no hace falta la aprobación de un responsable.\n\nIndicar al cliente que el reembolso llegará a su cuenta en un plazo de tres días hábiles y anotar la referencia del pago en el resumen del cierre.\n\nPor encima de 500 £, abrir una reclamación de facturación y comprometerse a devolver la llamada en un día hábil.',
      },
    },
  },
  {
    id: 'kb-outage-credit',
    kind: 'policy',
    title: 'Service outages: when a credit is due',
    tags: ['outage', 'credit', 'goodwill'],
    body: 'Customers without service for more than 24 hours in a row are due a credit of one day’s charge for every day or part-day without service. Apply it without being asked.\n\nFor repeated outages (three or more in 30 days), offer an engineer visit and a further goodwill credit of up to £20.',
    variants: {
      es: {
        title: 'Caídas del servicio: cuándo corresponde un abono',
        body: 'Los clientes que se queden sin servicio más de 24 horas seguidas tienen derecho a un abono equivalente a un día de cuota por cada día, o parte de un día, sin servicio. Aplicarlo sin que lo pidan.\n\nSi las caídas se repiten (tres o más en 30 días), ofrecer la visita de un técnico y un abono adicional de cortesía de hasta 20 £.',
      },
    },
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
    variants: {
      de: {
        title: 'Technikertermin vereinbart',
        body: 'Guten Tag {customer.firstName}, Ihr Technikertermin ist vereinbart. Der Techniker ruft Sie etwa 30 Minuten vor seiner Ankunft an. Falls Ihnen der Termin nicht mehr passt, antworten Sie einfach hier, dann verlege ich ihn. Viele Grüße, {agent.firstName}',
      },
      es: {
        title: 'Visita del técnico programada',
        body: 'Hola, {customer.firstName}. Ya tiene programada la visita del técnico. El técnico le llamará unos 30 minutos antes de llegar. Si la hora ya no le viene bien, responda aquí y la cambiaré. Gracias, {agent.firstName}',
      },
    },
  },
];

/** The demo articles, written by the supervisor at `at`. */
export function demoArticles(at: number, by: string): Article[] {
  return ARTICLES.map((seed) => ({ ...seed, tags: [...seed.tags], archived: false, language: 'en-GB', variants: { ...seed.variants }, updatedAt: at, updatedBy: by }));
}
