/**
 * What German- and Spanish-speaking demo customers write when they get in
 * touch: the live backlog's chats, emails, texts and posts in their own
 * language, so the workspace has something real to match a script to.
 * German customers write with "Sie" to the company, Spanish ones with "ustedes".
 * The history stays in English: it is the agents' record, not the customer's words.
 */
import type { DemoTopic } from './directory';
import type { Rng } from './random';

export type DemoLanguage = 'de' | 'es';

/** What a message may mention. */
export interface LocalVoice {
  first: string;
  full: string;
  account: string;
  plan: string;
  /** The bill's amount, written as the customer would ("68,40 €"). */
  money: string;
  product: DemoProduct;
  town: string;
}

export type DemoProduct = 'router' | 'TV box' | 'SIM card' | 'Wi-Fi booster' | 'phone';

const PRODUCT_NAMES: Record<DemoLanguage, Record<DemoProduct, string>> = {
  de: { router: 'Router', 'TV box': 'TV-Box', 'SIM card': 'SIM-Karte', 'Wi-Fi booster': 'WLAN-Verstärker', phone: 'Telefon' },
  es: { router: 'router', 'TV box': 'descodificador', 'SIM card': 'tarjeta SIM', 'Wi-Fi booster': 'amplificador wifi', phone: 'teléfono' },
};

interface Case {
  subject: string;
  /** The message itself: a sentence or two. */
  problem: (v: LocalVoice, product: string) => string;
}

const CASES: Record<DemoLanguage, Record<DemoTopic, readonly Case[]>> = {
  de: {
    billing: [
      { subject: 'Rechnung höher als erwartet', problem: (v) => `Meine Rechnung liegt diesen Monat bei ${v.money}, und niemand hat mir gesagt, dass sich etwas ändert. Ich habe seit Vertragsbeginn ${v.plan} und habe noch nie so viel bezahlt.` },
      { subject: 'Doppelte Abbuchung', problem: (v) => `Sie haben den Rechnungsbetrag von ${v.money} diesen Monat zweimal von meinem Konto abgebucht. Bitte erstatten Sie mir die zweite Zahlung.` },
    ],
    outage: [
      { subject: 'Kein Internet seit gestern', problem: (v) => `Seit gestern Abend habe ich in ${v.town} kein Internet. Ich arbeite von zu Hause und brauche dringend eine Lösung.` },
      { subject: 'Schon wieder eine Störung', problem: () => 'Das ist diese Woche schon die dritte Störung. Die Verbindung bricht ständig ab, und ich zahle jeden Monat den vollen Preis.' },
    ],
    delivery: [
      { subject: 'Wo bleibt meine Lieferung?', problem: (_v, product) => `Meine Bestellung (${product}) sollte schon letzte Woche ankommen, aber die Sendungsverfolgung hat sich seit Tagen nicht bewegt. Wann kommt die Lieferung?` },
      { subject: 'Lieferung beschädigt', problem: (_v, product) => `Heute ist meine Bestellung (${product}) angekommen, aber die Verpackung war aufgerissen und das Gerät lässt sich nicht einschalten. Ich hätte gern einen Ersatz.` },
    ],
    cancellation: [
      { subject: 'Kündigung meines Vertrags', problem: (v) => `Ich möchte meinen Vertrag (${v.plan}) kündigen. Ein anderer Anbieter bietet mir dasselbe deutlich günstiger an.` },
      { subject: 'Umzug – Vertrag beenden', problem: (v) => `Ich ziehe nächsten Monat aus ${v.town} weg und möchte meinen Vertrag beenden. Was muss ich dafür tun?` },
    ],
    general: [
      { subject: 'Frage zu meinem Tarif', problem: (v) => `Ich habe ${v.plan} und würde gern wissen, ob es an meiner Adresse inzwischen etwas Schnelleres gibt.` },
      { subject: 'Kontaktdaten ändern', problem: () => 'Ich habe eine neue E-Mail-Adresse und möchte sie für meine Rechnungen hinterlegen. Wie geht das am einfachsten?' },
    ],
    technical: [
      { subject: 'WLAN bricht ständig ab', problem: () => 'Mein WLAN bricht mehrmals am Tag ab, obwohl ich den Router schon neu gestartet habe. Können Sie sich das bitte ansehen?' },
      { subject: 'Fernsehen ohne Bild', problem: () => 'Seit heute Morgen zeigt der Fernseher nur noch „Kein Signal“. Die Box leuchtet, aber es kommt kein Bild.' },
    ],
  },
  es: {
    billing: [
      { subject: 'Factura más alta de lo normal', problem: (v) => `Este mes mi factura es de ${v.money} y nadie me avisó de ningún cambio. Tengo ${v.plan} desde que me di de alta y nunca había pagado tanto.` },
      { subject: 'Cobro duplicado', problem: (v) => `Me han cobrado dos veces la factura de este mes, ${v.money} cada vez. Les ruego que me devuelvan el segundo cargo.` },
    ],
    outage: [
      { subject: 'Sin internet desde ayer', problem: (v) => `Desde ayer por la tarde no tengo internet en ${v.town}. Trabajo desde casa y necesito una solución cuanto antes.` },
      { subject: 'Otra avería más', problem: () => 'Es la tercera avería esta semana. La conexión se corta continuamente y yo pago la cuota completa todos los meses.' },
    ],
    delivery: [
      { subject: '¿Dónde está mi pedido?', problem: (_v, product) => `Mi pedido (${product}) tenía que llegar la semana pasada, pero el seguimiento no se mueve desde hace días. ¿Cuándo lo voy a recibir?` },
      { subject: 'Pedido dañado', problem: (_v, product) => `Hoy ha llegado mi pedido (${product}), pero la caja venía rota y el aparato no enciende. Quisiera que me lo cambien.` },
    ],
    cancellation: [
      { subject: 'Baja del contrato', problem: (v) => `Quiero dar de baja mi contrato (${v.plan}). Otra compañía me ofrece lo mismo bastante más barato.` },
      { subject: 'Mudanza: cancelar el servicio', problem: (v) => `El mes que viene me mudo de ${v.town} y quiero cancelar el servicio. ¿Qué tengo que hacer?` },
    ],
    general: [
      { subject: 'Consulta sobre mi tarifa', problem: (v) => `Tengo ${v.plan} y me gustaría saber si ya hay algo más rápido disponible en mi dirección.` },
      { subject: 'Cambiar mis datos de contacto', problem: () => 'Tengo un correo electrónico nuevo y quiero que me lleguen ahí las facturas. ¿Cómo puedo cambiarlo?' },
    ],
    technical: [
      { subject: 'El wifi se corta constantemente', problem: () => 'El wifi se me corta varias veces al día, aunque ya he reiniciado el router. ¿Pueden revisarlo, por favor?' },
      { subject: 'La tele no tiene imagen', problem: () => 'Desde esta mañana la tele solo muestra «Sin señal». El descodificador tiene la luz encendida, pero no hay imagen.' },
    ],
  },
};

const GREETING: Record<DemoLanguage, string> = { de: 'Hallo.', es: 'Hola.' };
const EMAIL_OPEN: Record<DemoLanguage, string> = { de: 'Sehr geehrte Damen und Herren,', es: 'Buenos días:' };
const EMAIL_ASK: Record<DemoLanguage, readonly string[]> = {
  de: ['Ich bitte um eine kurze Rückmeldung.', 'Können Sie mir bitte sagen, wie es weitergeht?', 'Ich freue mich auf Ihre Antwort.'],
  es: ['Quedo a la espera de su respuesta.', '¿Me pueden indicar cómo seguimos?', 'Les agradecería una respuesta pronto.'],
};
const EMAIL_CLOSE: Record<DemoLanguage, string> = { de: 'Mit freundlichen Grüßen', es: 'Un saludo' };
const ACCOUNT: Record<DemoLanguage, string> = { de: 'Kundennummer', es: 'N.º de cliente' };

/** The language demo customers of this tag write in, if the demo has words for it. */
export function demoLanguageOf(tag: string): DemoLanguage | null {
  const base = tag.split('-')[0]?.toLowerCase();
  return base === 'de' || base === 'es' ? base : null;
}

/** An amount as German and Spanish customers write it: "68,40 €". */
export function localMoney(amount: number): string {
  return `${amount.toFixed(2).replace('.', ',')} €`;
}

export interface LocalMessage {
  subject: string;
  body: string;
}

/** A new message from a German- or Spanish-speaking customer about `topic`, on `channel`. */
export function renderLocalInbound(rng: Rng, language: DemoLanguage, topic: DemoTopic, channel: 'chat' | 'email' | 'sms' | 'social', voice: LocalVoice, handle: string): LocalMessage {
  const found = rng.pick(CASES[language][topic]);
  const problem = found.problem(voice, PRODUCT_NAMES[language][voice.product]);
  switch (channel) {
    case 'chat':
      return { subject: found.subject, body: `Customer: ${GREETING[language]} ${problem}` };
    case 'email':
      return {
        subject: found.subject,
        body: `${EMAIL_OPEN[language]}\n\n${problem}\n\n${rng.pick(EMAIL_ASK[language])}\n\n${EMAIL_CLOSE[language]}\n${voice.full}\n${ACCOUNT[language]} ${voice.account}`,
      };
    case 'sms':
      return { subject: found.subject, body: `${GREETING[language]} ${problem} ${voice.account}` };
    case 'social':
      return { subject: found.subject, body: `${handle} ${problem}` };
  }
}
