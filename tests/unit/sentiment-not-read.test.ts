import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { SentimentNotRead } from '@core/sentiment';
import de from '@core/i18n/catalogues/de/sentiment.json';
import es from '@core/i18n/catalogues/es/sentiment.json';
import { SentimentNotReadNote } from '../../renderer/src/screens/contact/SentimentNotRead';

const portuguese: SentimentNotRead = { read: false, language: 'pt', reason: 'unsupported-language' };
const unknown: SentimentNotRead = { read: false, language: null, reason: 'unknown-language' };

function text(locale: string, messages: Record<string, string>, notRead: SentimentNotRead): string {
  // en-GB is the default messages themselves; any other problem (a bad placeholder, a missing German text) fails.
  const onError = (error: Error & { code: string }) => {
    if (!(locale === 'en-GB' && error.code === 'MISSING_TRANSLATION')) throw error;
  };
  const html = renderToStaticMarkup(createElement(IntlProvider, { locale, messages, defaultLocale: 'en-GB', onError }, createElement(SentimentNotReadNote, { notRead })));
  return html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, '');
}

describe('the note that a message was not read for sentiment', () => {
  it('names the language in the agent’s language', () => {
    expect(text('en-GB', {}, portuguese)).toBe('Sentiment not read: messages in Portuguese are not analysed');
    expect(text('de', de, portuguese)).toBe('Stimmung nicht ausgewertet: Nachrichten auf Portugiesisch werden nicht analysiert');
    expect(text('es', es, portuguese)).toBe('Sentimiento no evaluado: los mensajes en portugués no se analizan');
  });

  it('says so when the language could not be told', () => {
    expect(text('en-GB', {}, unknown)).toBe('Sentiment not read: the language of this message was not recognised');
    expect(text('de', de, unknown)).toBe('Stimmung nicht ausgewertet: Die Sprache dieser Nachricht wurde nicht erkannt');
  });

  it('is a note for assistive technology', () => {
    const html = renderToStaticMarkup(createElement(IntlProvider, { locale: 'en-GB', messages: {}, onError: () => {} }, createElement(SentimentNotReadNote, { notRead: portuguese })));
    expect(html).toContain('role="note"');
  });
});
