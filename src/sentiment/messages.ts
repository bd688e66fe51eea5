/** What the screens say when a message's sentiment was not read (the screen names the language). */
import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import type { SentimentNotRead } from './reading';

export const sentimentMessages = defineMessages({
  unsupportedLanguage: {
    id: 'sentiment.notRead.unsupportedLanguage',
    defaultMessage: 'Sentiment not read: messages in {language} are not analysed',
    description: 'Shown with the customer’s situation when their message is in a language the sentiment analyser does not read; {language} is the language’s name, e.g. Portuguese',
  },
  unknownLanguage: {
    id: 'sentiment.notRead.unknownLanguage',
    defaultMessage: 'Sentiment not read: the language of this message was not recognised',
    description: 'Shown with the customer’s situation when the language of their message could not be told',
  },
});

/** The message for a reading that did not happen; format it with `{ language }` set to the language's name. */
export function notReadMessage(notRead: SentimentNotRead): MessageDescriptor {
  return notRead.reason === 'unsupported-language' && notRead.language !== null ? sentimentMessages.unsupportedLanguage : sentimentMessages.unknownLanguage;
}
