import { describe, expect, it } from 'vitest';
import {
  analyseSentiment,
  customerWords,
  guessLanguage,
  primaryLanguage,
  readSentiment,
  sentimentLanguageFor,
  type SentimentLabel,
  type SentimentLanguage,
  type SentimentResult,
} from '@core/sentiment';
import { notReadMessage } from '@core/sentiment/messages';
import baseline from './sentiment-en-baseline.json';

const de = (text: string) => analyseSentiment(text, 'de');
const es = (text: string) => analyseSentiment(text, 'es');

interface Example {
  text: string;
  label: SentimentLabel;
}

/** Messages as German and Spanish customers of a broadband, mobile and TV provider write them. */
const LABELLED: Record<Exclude<SentimentLanguage, 'en'>, Example[]> = {
  de: [
    { text: 'Das Internet funktioniert immer noch nicht! Ich rufe jetzt zum dritten Mal an.', label: 'negative' },
    { text: 'Der Techniker ist schon wieder nicht gekommen. Eine Frechheit!', label: 'negative' },
    { text: 'Ich habe seit zwei Wochen keine Antwort erhalten, langsam reicht es mir wirklich.', label: 'negative' },
    { text: 'Mein WLAN geht seit Tagen nicht und niemand ruft zurück. Ich bin stinksauer.', label: 'negative' },
    { text: 'Sie haben mir doppelt abgebucht. Das ist eine Unverschämtheit, ich will mein Geld zurück.', label: 'negative' },
    { text: 'Total enttäuscht von Ihrem Service, ich werde kündigen.', label: 'negative' },
    { text: 'Wann kommt der Techniker morgen?', label: 'neutral' },
    { text: 'Ich möchte meine Bankverbindung ändern.', label: 'neutral' },
    { text: 'Können Sie mir sagen, wann mein Vertrag endet?', label: 'neutral' },
    { text: 'Vielen Dank, jetzt funktioniert alles wieder!', label: 'positive' },
    { text: 'Die Mitarbeiterin war sehr freundlich und hat mir super schnell geholfen.', label: 'positive' },
    { text: 'Der neue Router ist klasse, ich bin sehr zufrieden. Danke!', label: 'positive' },
  ],
  es: [
    { text: 'Internet sigue sin funcionar y es la tercera vez que llamo.', label: 'negative' },
    { text: 'Nadie me ha llamado y el técnico no vino. ¡Es una vergüenza!', label: 'negative' },
    { text: 'Estoy harto, llevo una semana sin conexión.', label: 'negative' },
    { text: 'Me han cobrado dos veces la factura, es inaceptable.', label: 'negative' },
    { text: 'El servicio es pésimo, quiero darme de baja.', label: 'negative' },
    { text: 'Todavía no me han devuelto el dinero. Muy decepcionado.', label: 'negative' },
    { text: '¿A qué hora viene el técnico mañana?', label: 'neutral' },
    { text: 'Quiero cambiar mi dirección de facturación.', label: 'neutral' },
    { text: '¿Me pueden decir cuándo termina mi contrato?', label: 'neutral' },
    { text: '¡Muchas gracias, ya funciona todo perfectamente!', label: 'positive' },
    { text: 'La chica que me atendió fue muy amable y lo solucionó rapidísimo.', label: 'positive' },
    { text: 'Estoy muy contento con el nuevo router, gracias.', label: 'positive' },
  ],
};

/** More messages, with the everyday vocabulary of faults, waiting, bills and thanks. */
const EVERYDAY: Record<Exclude<SentimentLanguage, 'en'>, Example[]> = {
  de: [
    { text: 'Ich warte jetzt seit über einer Stunde in der Warteschleife.', label: 'negative' },
    { text: 'Warum bekomme ich keine Rechnung mehr per E-Mail?', label: 'neutral' },
    { text: 'Die Rechnung ist viel zu hoch, das kann nicht stimmen.', label: 'negative' },
    { text: 'Ihr Kundenservice ist das Letzte.', label: 'negative' },
    { text: 'Hallo, ich ziehe um und brauche einen neuen Anschluss.', label: 'neutral' },
    { text: 'Alles bestens, danke für die schnelle Hilfe!', label: 'positive' },
    { text: 'Top Service, gerne wieder.', label: 'positive' },
    { text: 'Das Problem wurde sofort gelöst, vielen Dank.', label: 'positive' },
    { text: 'Ich bin mit der Lösung einverstanden.', label: 'positive' },
    { text: 'Keine Ahnung, warum das nicht geht.', label: 'negative' },
    { text: 'Mir reicht es jetzt, ich kündige.', label: 'negative' },
    { text: 'Es ist unglaublich, wie lange das dauert.', label: 'negative' },
    { text: 'Das Fernsehen ruckelt ständig.', label: 'negative' },
    { text: 'Seit dem Update stürzt die App dauernd ab.', label: 'negative' },
    { text: 'Ich habe eine Frage zu meinem Tarif.', label: 'neutral' },
    { text: 'Bitte rufen Sie mich morgen zurück.', label: 'neutral' },
    { text: 'Sehr geehrte Damen und Herren, anbei das Formular. Mit freundlichen Grüßen', label: 'neutral' },
    { text: 'Der Techniker war pünktlich und sehr kompetent.', label: 'positive' },
    { text: 'Ich bin echt sauer, niemand hilft mir!', label: 'negative' },
    { text: 'Das ist mir egal, ich will einfach nur, dass es funktioniert.', label: 'negative' },
    { text: 'Geht doch! Danke.', label: 'positive' },
    { text: 'Nicht schlecht, das ging ja schnell.', label: 'positive' },
    { text: 'Unzumutbar. Drei Tage ohne Telefon.', label: 'negative' },
    { text: 'Ich bin schwer enttäuscht von Ihnen.', label: 'negative' },
  ],
  es: [
    { text: 'Llevo más de una hora esperando al teléfono.', label: 'negative' },
    { text: '¿Por qué ya no recibo la factura por correo?', label: 'neutral' },
    { text: 'La factura es demasiado alta, no puede ser.', label: 'negative' },
    { text: 'Su atención al cliente es lo peor.', label: 'negative' },
    { text: 'Hola, me mudo y necesito dar de alta la línea en la nueva casa.', label: 'neutral' },
    { text: 'Todo perfecto, gracias por la ayuda tan rápida.', label: 'positive' },
    { text: 'Muy buen servicio, lo recomiendo.', label: 'positive' },
    { text: 'Me solucionaron el problema enseguida, gracias.', label: 'positive' },
    { text: 'Estoy de acuerdo con la solución.', label: 'positive' },
    { text: 'No entiendo por qué no funciona.', label: 'negative' },
    { text: 'Ya estoy harta, me voy a dar de baja.', label: 'negative' },
    { text: 'Es increíble lo que tardan.', label: 'negative' },
    { text: 'La tele se corta todo el rato.', label: 'negative' },
    { text: 'Desde la actualización la app se cierra sola.', label: 'negative' },
    { text: 'Tengo una duda sobre mi tarifa.', label: 'neutral' },
    { text: 'Por favor, llámenme mañana.', label: 'neutral' },
    { text: 'Estimados señores, adjunto el formulario. Un saludo.', label: 'neutral' },
    { text: 'El técnico fue puntual y muy profesional.', label: 'positive' },
    { text: 'Estoy muy enfadado, ¡nadie me ayuda!', label: 'negative' },
    { text: 'Menudo desastre de compañía.', label: 'negative' },
    { text: '¡Por fin funciona! Gracias.', label: 'positive' },
    { text: 'Tres días sin teléfono. Inaceptable.', label: 'negative' },
    { text: 'Me siento muy decepcionada con ustedes.', label: 'negative' },
    { text: 'Vale, gracias por la información.', label: 'positive' },
  ],
};

describe('German and Spanish customer messages', () => {
  it.each(['de', 'es'] as const)('labels every %s example as a person would', (language) => {
    const wrong = LABELLED[language]
      .map((example) => ({ ...example, result: analyseSentiment(example.text, language) }))
      .filter((example) => example.result.label !== example.label)
      .map((example) => `${example.label} → ${example.result.label} (${example.result.score}): ${example.text}`);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it.each(['de', 'es'] as const)('labels at least 85%% of everyday %s messages as a person would, and none the opposite way', (language) => {
    const results = EVERYDAY[language].map((example) => ({ ...example, result: analyseSentiment(example.text, language) }));
    const wrong = results.filter((example) => example.result.label !== example.label);
    const report = wrong.map((example) => `${example.label} → ${example.result.label} (${example.result.score}): ${example.text}`).join('\n');
    expect(EVERYDAY[language].length).toBeGreaterThanOrEqual(20);
    expect(wrong.length / results.length, report).toBeLessThanOrEqual(0.15);
    const opposite = wrong.filter((example) => example.label !== 'neutral' && example.result.label !== 'neutral');
    expect(opposite, report).toEqual([]);
  });
});

describe('German', () => {
  it('reads praise and complaints', () => {
    expect(de('Ich bin zufrieden').label).toBe('positive');
    expect(de('Der Service war hervorragend').label).toBe('positive');
    expect(de('Das ist eine Frechheit').label).toBe('negative');
    expect(de('Der Router ist kaputt').label).toBe('negative');
  });

  it('turns a word around after nicht, kein, nie, ohne…', () => {
    expect(de('Ich bin nicht zufrieden').label).toBe('negative');
    expect(de('Ich bin überhaupt nicht zufrieden').label).toBe('negative');
    expect(de('Ich bin keineswegs zufrieden').label).toBe('negative');
    expect(de('Das hat mir nicht geholfen').score).toBeLessThan(0);
    expect(de('Das war keine Hilfe').score).toBeLessThan(0);
    expect(de('Ich habe nie eine Antwort bekommen').score).toBeLessThan(0);
    expect(de('Ich bin ohne Internet').score).toBeLessThan(0);
    // A negated complaint is mild praise.
    expect(de('Das ist nicht schlecht').score).toBeGreaterThan(0);
    expect(de('Das ist schlecht').score).toBeLessThan(0);
    expect(de('Kein Problem, danke').label).toBe('positive');
    expect(de('Ich bin nicht zufrieden').cues).toEqual(['nicht zufrieden']);
  });

  it('reads a negation after the verb, as German puts it', () => {
    expect(de('Das Internet funktioniert').score).toBeGreaterThan(0);
    expect(de('Das Internet funktioniert nicht').label).toBe('negative');
    expect(de('Das Internet funktioniert leider immer noch nicht').label).toBe('negative');
    expect(de('Das gefällt mir').score).toBeGreaterThan(0);
    expect(de('Das gefällt mir gar nicht').label).toBe('negative');
    expect(de('Das Internet funktioniert nicht').cues).toEqual(['funktioniert nicht']);
    // The negation before a word is that word's: "nicht gut" is not "funktioniert nicht".
    expect(de('Es funktioniert, nicht gut, aber es funktioniert').score).toBeGreaterThan(de('Es funktioniert nicht').score);
    // A complaint in between keeps its sign: "seit Tagen nicht" is no praise.
    expect(de('Mein Internet geht seit Tagen nicht').label).toBe('negative');
    // "nicht nur … sondern auch" negates nothing.
    expect(de('Der Service war nicht nur schnell, sondern auch freundlich').score).toBe(de('Der Service war schnell, sondern auch freundlich').score);
  });

  it('strengthens with sehr, total, echt, and softens with etwas, ein bisschen', () => {
    expect(de('Ich bin sehr zufrieden').score).toBeGreaterThan(de('Ich bin zufrieden').score);
    expect(de('Der Service ist total schlecht').score).toBeLessThan(de('Der Service ist schlecht').score);
    expect(de('Das ist echt nervig').score).toBeLessThan(de('Das ist nervig').score);
    expect(de('Die Verbindung ist etwas langsam').score).toBeGreaterThan(de('Die Verbindung ist langsam').score);
    expect(de('Die Verbindung ist ein bisschen langsam').score).toBeGreaterThan(de('Die Verbindung ist langsam').score);
    // "super" is praise alone and an intensifier before another word.
    expect(de('Super, danke').label).toBe('positive');
    expect(de('Die Verbindung ist super langsam').score).toBeLessThan(de('Die Verbindung ist langsam').score);
  });

  it('weighs what follows aber more', () => {
    expect(de('Der Techniker war freundlich, aber das Internet funktioniert immer noch nicht').label).toBe('negative');
    expect(de('Es hat lange gedauert, aber jetzt funktioniert alles, vielen Dank').label).toBe('positive');
  });

  it('reads umlauts and ß in any case, and their two-letter spellings', () => {
    const plain = de('Ich bin so enttäuscht').score;
    expect(plain).toBeLessThan(0);
    expect(de('Ich bin so enttaeuscht').score).toBe(plain);
    expect(de('Ich bin so Enttäuscht').score).toBe(plain);
    expect(de('ICH BIN SO ENTTÄUSCHT').score).toBeLessThan(plain);
    expect(de('Das war großartig').score).toBe(de('Das war grossartig').score);
    expect(de('Das war großartig').score).toBeGreaterThan(0);
    expect(de('DAS WAR GROẞARTIG').label).toBe('positive');
    // "schon wieder" (again) is not "schön" (lovely).
    expect(de('Schon wieder kein Netz').label).toBe('negative');
  });

  it('keeps Unicode words whole and quotes them as the customer wrote them', () => {
    expect(de('»Enttäuschung« ist gar kein Ausdruck.').cues).toContain('enttäuschung');
    expect(de('Eine Zumutung – wirklich.').cues).toEqual(['zumutung']);
  });

  it('does not read a neutral request as a feeling', () => {
    expect(de('Ich möchte meine Adresse ändern.')).toEqual({ score: 0, label: 'neutral', cues: [] });
    // Greetings and sign-offs are politeness, not feeling.
    for (const text of ['Mit freundlichen Grüßen, Jonas Weber', 'Liebe Grüße, Anna', 'Beste Grüße aus Köln', 'Guten Tag, Herr Weber']) {
      expect(de(text), text).toEqual({ score: 0, label: 'neutral', cues: [] });
    }
  });
});

describe('Spanish', () => {
  it('reads praise and complaints', () => {
    expect(es('Estoy contento').label).toBe('positive');
    expect(es('El servicio fue excelente').label).toBe('positive');
    expect(es('Es una vergüenza').label).toBe('negative');
    expect(es('El router está roto').label).toBe('negative');
  });

  it('turns a word around after no, nunca, ni, tampoco, sin…', () => {
    expect(es('No estoy contento').label).toBe('negative');
    expect(es('Nunca funciona').label).toBe('negative');
    expect(es('Tampoco funciona').label).toBe('negative');
    expect(es('Ni siquiera funciona').label).toBe('negative');
    expect(es('No estoy nada satisfecho').label).toBe('negative');
    expect(es('Sigo sin internet').score).toBeLessThan(0);
    expect(es('No me ha ayudado').score).toBeLessThan(0);
    expect(es('No está mal').score).toBeGreaterThan(0);
    expect(es('Está mal').score).toBeLessThan(0);
    expect(es('No hay problema, gracias').label).toBe('positive');
    expect(es('El técnico no solo fue rápido, sino también muy amable').score).toBe(es('El técnico fue rápido, sino también muy amable').score);
    expect(es('No estoy contento').cues).toEqual(['no contento']);
  });

  it('strengthens with muy, tan, súper, and softens with un poco, algo', () => {
    expect(es('Estoy muy contento').score).toBeGreaterThan(es('Estoy contento').score);
    expect(es('Es tan lento').score).toBeLessThan(es('Es lento').score);
    expect(es('La conexión es súper lenta').score).toBeLessThan(es('La conexión es lenta').score);
    expect(es('Es totalmente inaceptable').score).toBeLessThan(es('Es inaceptable').score);
    expect(es('Es un poco lento').score).toBeGreaterThan(es('Es lento').score);
    expect(es('Es algo lento').score).toBeGreaterThan(es('Es lento').score);
  });

  it('weighs what follows pero more', () => {
    expect(es('El técnico fue amable pero sigue sin funcionar').label).toBe('negative');
    expect(es('Tardaron mucho, pero ya funciona todo, muchas gracias').label).toBe('positive');
  });

  it('reads accents in any case, with or without them, and keeps ñ', () => {
    const plain = es('Es una vergüenza').score;
    expect(es('Es una verguenza').score).toBe(plain);
    expect(es('ES UNA VERGÜENZA').score).toBeLessThan(plain);
    expect(es('Todavia no funciona').score).toBe(es('Todavía no funciona').score);
    expect(es('Todavía no funciona').label).toBe('negative');
    expect(es('El servicio es PÉSIMO').score).toBeLessThan(es('El servicio es pésimo').score);
    expect(es('¡Qué vergüenza!').cues).toEqual(['vergüenza']);
    expect(es('Sin señal desde ayer').cues).toEqual(['sin señal']);
    expect(es('SIN SEÑAL DESDE AYER').label).toBe('negative');
  });

  it('does not read a neutral request as a feeling', () => {
    expect(es('Quiero cambiar mi dirección.')).toEqual({ score: 0, label: 'neutral', cues: [] });
    for (const text of ['Un saludo, Lucía Fernández', 'Buenos días, estimados señores', 'Saludos cordiales, Diego', 'Buenas tardes']) {
      expect(es(text), text).toEqual({ score: 0, label: 'neutral', cues: [] });
    }
  });
});

describe('readSentiment: the customer’s language', () => {
  it('reads in the language of the customer’s profile', () => {
    expect(readSentiment('Ich bin nicht zufrieden', 'de-DE')).toMatchObject({ read: true, language: 'de', label: 'negative' });
    expect(readSentiment('Ich bin nicht zufrieden', 'de-AT')).toMatchObject({ read: true, language: 'de' });
    expect(readSentiment('No estoy contento', 'es-MX')).toMatchObject({ read: true, language: 'es', label: 'negative' });
    expect(readSentiment('Not happy', 'en-GB')).toMatchObject({ read: true, language: 'en', label: 'negative' });
    expect(readSentiment('Danke!', 'de')).toMatchObject({ read: true, language: 'de', label: 'positive' });
  });

  it('says plainly that it did not read a language it does not cover, with no score', () => {
    expect(readSentiment('Olá, a minha internet não funciona há três dias. Estou muito chateado.', 'pt-BR')).toEqual({
      read: false,
      language: 'pt',
      reason: 'unsupported-language',
    });
    expect(readSentiment('Merci', 'fr-FR')).toEqual({ read: false, language: 'fr', reason: 'unsupported-language' });
    expect(readSentiment('Tack så mycket', 'sv-SE')).toEqual({ read: false, language: 'sv', reason: 'unsupported-language' });
  });

  it('reads the message’s own language when it is plainly another than the profile’s', () => {
    // A Spanish customer writing in English, and a German message on a profile left at en-GB.
    expect(readSentiment('Hi, my broadband is still not working and I am fed up', 'es-ES')).toMatchObject({ read: true, language: 'en', label: 'negative' });
    expect(readSentiment('Mein Internet geht seit Tagen nicht und ich bin sauer', 'en-GB')).toMatchObject({ read: true, language: 'de', label: 'negative' });
    expect(readSentiment('Não estou contente com o serviço, a internet não funciona', 'es-ES')).toMatchObject({ read: false, language: 'pt' });
    // Two common words of one language and none of another are enough in a short message.
    expect(readSentiment('Broadband really slow again tonight. Can someone check the line?', 'de-DE')).toMatchObject({ read: true, language: 'en', label: 'negative' });
    // One common word is not enough to overrule the profile.
    expect(readSentiment('Danke, super!', 'en-GB')).toMatchObject({ read: true, language: 'en' });
    expect(readSentiment('Router kaputt, so ein Mist', 'de-DE')).toMatchObject({ read: true, language: 'de', label: 'negative' });
  });

  it('looks at the text when the profile says nothing useful', () => {
    expect(readSentiment('El técnico no ha venido y nadie me llama', null)).toMatchObject({ read: true, language: 'es', label: 'negative' });
    expect(readSentiment('El técnico no ha venido y nadie me llama', 'und')).toMatchObject({ read: true, language: 'es' });
    expect(readSentiment('12345 ✓', undefined)).toEqual({ read: false, language: null, reason: 'unknown-language' });
  });

  it('tells languages apart by their common words', () => {
    expect(guessLanguage('Das ist nicht mein Vertrag, bitte prüfen Sie das')).toEqual({ language: 'de', plain: true });
    expect(guessLanguage('No es mi contrato, por favor revísenlo')).toEqual({ language: 'es', plain: true });
    expect(guessLanguage('Okay')).toEqual({ language: null, plain: false });
    expect(primaryLanguage('es-419')).toBe('es');
    expect(primaryLanguage('zh_Hant_TW')).toBe('zh');
    expect(primaryLanguage('und')).toBeNull();
    expect(primaryLanguage('')).toBeNull();
    expect(sentimentLanguageFor('Hola', 'es-ES')).toEqual({ read: true, language: 'es' });
  });

  it('has a message for each way of not reading, naming the language', () => {
    expect(notReadMessage({ read: false, language: 'pt', reason: 'unsupported-language' })).toMatchObject({
      id: 'sentiment.notRead.unsupportedLanguage',
      defaultMessage: expect.stringContaining('{language}'),
    });
    expect(notReadMessage({ read: false, language: null, reason: 'unknown-language' })).toMatchObject({ id: 'sentiment.notRead.unknownLanguage' });
  });
});

describe('English is read as before', () => {
  const examples = baseline as { text: string; result: SentimentResult }[];

  it('scores every earlier example exactly as before German and Spanish came', () => {
    expect(examples.length).toBeGreaterThan(100);
    for (const { text, result } of examples) {
      expect(analyseSentiment(text), text).toEqual(result);
      expect(analyseSentiment(text, 'en'), text).toEqual(result);
    }
  });

  it('reads English customers in English', () => {
    for (const { text, result } of examples) {
      expect(readSentiment(text, 'en-GB'), text).toEqual({ ...result, read: true, language: 'en' });
    }
  });
});

describe('customer words in German and Spanish transcripts and emails', () => {
  it('reads only the customer’s lines under German and Spanish labels', () => {
    const call = { channel: 'call', direction: 'inbound', body: 'Kundin: Das ist eine Frechheit.\nBerater: Das tut mir leid.' } as const;
    expect(customerWords(call)).toBe('Das ist eine Frechheit.');
    const chat = { channel: 'chat', direction: 'inbound', body: 'Agente: ¿En qué puedo ayudarle?\nCliente: Sigo sin internet.' } as const;
    expect(customerWords(chat)).toBe('Sigo sin internet.');
  });

  it('drops the quoted earlier messages of a German or Spanish reply', () => {
    const german = { channel: 'email', direction: 'inbound', body: 'Immer noch kein Rückruf!\n\nAm 3. Dezember 2026 schrieb Brightwave Kundenservice:\n> Vielen Dank für Ihre Geduld.' } as const;
    expect(customerWords(german)).toBe('Immer noch kein Rückruf!');
    const spanish = { channel: 'email', direction: 'inbound', body: 'Gracias.\n\n-----Mensaje original-----\nDe: Brightwave\nEstupendo servicio' } as const;
    expect(customerWords(spanish)).toBe('Gracias.');
  });
});
