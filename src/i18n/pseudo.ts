/**
 * Pseudo-localisation: every message accented and a third longer, in
 * brackets, so a layout check shows text that was never translated (plain
 * ASCII), text cut off (a missing bracket) and space too tight for German.
 * Placeholders, plurals, selects and tags keep working: the message's syntax
 * tree is rewritten, never its text.
 */
import { type MessageFormatElement, TYPE, parse } from '@formatjs/icu-messageformat-parser';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ḓ', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** How much longer pseudo text is than the English: German and Spanish often run 30 % longer. */
export const PSEUDO_EXPANSION = 0.3;

export function accent(text: string): string {
  let out = '';
  for (const char of text) out += ACCENTED[char] ?? char;
  return out;
}

function literalLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.length;
    else if (element.type === TYPE.tag) length += literalLength(element.children);
  }
  return length;
}

function rewrite(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: accent(element.value) };
      case TYPE.tag:
        return { ...element, children: rewrite(element.children) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: rewrite(option.value) }])),
        };
      default:
        return element;
    }
  });
}

/** The pseudo form of one ICU message (its text, or its syntax tree as a built catalogue holds it), as a syntax tree react-intl accepts in place of the text. */
export function pseudoMessage(message: string | readonly MessageFormatElement[]): MessageFormatElement[] {
  const elements = typeof message === 'string' ? parse(message) : [...message];
  const padding = Math.max(1, Math.round(literalLength(elements) * PSEUDO_EXPANSION));
  // Padding of word-like characters, so it wraps and measures as words do.
  const filler = Array.from({ length: padding }, (_, i) => (i % 6 === 5 ? ' ' : '~')).join('');
  return [{ type: TYPE.literal, value: '[' }, ...rewrite(elements), { type: TYPE.literal, value: ` ${filler}]` }];
}

/** A whole catalogue in its pseudo form. */
export function pseudoCatalogue(messages: Record<string, string | readonly MessageFormatElement[]>): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(Object.entries(messages).map(([id, message]) => [id, pseudoMessage(message)]));
}
