import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { createFormatter } from '@core/i18n/format';
import type { UiLocale } from '@core/i18n/locales';
import type { SentimentNotRead } from '@core/sentiment';
import { notReadMessage } from '@core/sentiment/messages';
import { SentimentNotReadNote } from '../../renderer/src/screens/contact/SentimentNotRead';
import { intlFor } from '../helpers/intl';

const portuguese: SentimentNotRead = { read: false, language: 'pt', reason: 'unsupported-language' };
const unknown: SentimentNotRead = { read: false, language: null, reason: 'unknown-language' };

/** The note's text as an agent with that language reads it, from the committed catalogue (as the note builds it). */
function text(locale: UiLocale, notRead: SentimentNotRead): string {
  const language = notRead.language === null ? '' : createFormatter(locale).languageName(notRead.language);
  return intlFor(locale).formatMessage(notReadMessage(notRead), { language });
}

describe('the note that a message was not read for sentiment', () => {
  it('names the language in the agent’s language', () => {
    expect(text('en-GB', portuguese)).toBe('Sentiment not read: messages in Portuguese are not analysed');
    expect(text('de', portuguese)).toBe('Stimmung nicht ausgewertet: Nachrichten auf Portugiesisch werden nicht analysiert');
    expect(text('es', portuguese)).toBe('Sentimiento no evaluado: los mensajes en portugués no se analizan');
  });

  it('says so when the language could not be told', () => {
    expect(text('en-GB', unknown)).toBe('Sentiment not read: the language of this message was not recognised');
    expect(text('de', unknown)).toBe('Stimmung nicht ausgewertet: Die Sprache dieser Nachricht wurde nicht erkannt');
    expect(text('es', unknown)).toBe('Sentimiento no evaluado: no se ha reconocido el idioma de este mensaje');
  });

  it('renders on the contact screen as a note, naming the language', () => {
    const onError = (error: Error & { code: string }) => {
      if (error.code !== 'MISSING_TRANSLATION') throw error;
    };
    const html = renderToStaticMarkup(createElement(IntlProvider, { locale: 'en-GB', messages: {}, onError }, createElement(SentimentNotReadNote, { notRead: portuguese })));
    expect(html).toContain('role="note"');
    expect(html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, '')).toBe('Sentiment not read: messages in Portuguese are not analysed');
  });
});
