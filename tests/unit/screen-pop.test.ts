/** Which customer a screen-pop link asks for, as the customer screen reads it. */
import { describe, expect, it } from 'vitest';
import type { Message } from '@core/i18n/messages';
import { screenPopLookup, SCREEN_POP_MESSAGES } from '@core/screen-pop';
import type { UiLocale } from '@core/i18n/locales';
import { intlFor } from '../helpers/intl';

/** The lookup with what it says to the agent in British English, as the customer screen formats it. */
const said = (message: Message, locale: UiLocale = 'en-GB') => intlFor(locale).formatMessage(message.descriptor, message.values);
const lookup = (search: string) => {
  const found = screenPopLookup(new URLSearchParams(search));
  if (!found) return found;
  return found.kind === 'invalid' ? { kind: found.kind, reason: said(found.reason) } : { ...found, shown: said(found.shown) };
};

describe('a screen-pop link', () => {
  it('keeps a literal + as the international prefix, as softphones and the README write it', () => {
    expect(lookup('phone=+442079460958')).toEqual({ kind: 'phone', value: '+442079460958', shown: 'phone +442079460958' });
    expect(lookup('phone=%2B442079460958')).toEqual({ kind: 'phone', value: '+442079460958', shown: 'phone +442079460958' });
    // Spaces written as + inside the number, too.
    expect(lookup('phone=+44+20+7946+0958')).toMatchObject({ kind: 'phone', value: '+442079460958' });
    expect(lookup('phone=02079460958')).toMatchObject({ kind: 'phone', value: '02079460958' });
  });

  it('finds a customer by id or email, and says why it cannot read the rest', () => {
    expect(lookup('id=cus_1')).toEqual({ kind: 'id', value: 'cus_1', shown: 'id cus_1' });
    expect(lookup('email=ann%40example.com')).toMatchObject({ kind: 'email', value: 'ann@example.com' });
    expect(lookup('phone=call-me')).toEqual({ kind: 'invalid', reason: '“call-me” is not a phone number.' });
    expect(lookup('')).toBeNull();
  });

  it('says why in the agent’s language, the link’s text cut short as a value', () => {
    const found = screenPopLookup(new URLSearchParams(`email=${'x'.repeat(100)}`));
    expect(found).toEqual({ kind: 'invalid', reason: { descriptor: SCREEN_POP_MESSAGES.notAnEmail, values: { value: 'x'.repeat(80) } } });
    const phone = screenPopLookup(new URLSearchParams('phone=call-me'));
    if (phone?.kind !== 'invalid') throw new Error('expected an invalid link');
    expect(said(phone.reason, 'de')).toBe('„call-me“ ist keine Telefonnummer.');
    expect(said(phone.reason, 'es')).toBe('«call-me» no es un número de teléfono.');
    const id = screenPopLookup(new URLSearchParams('id=cus_1'));
    if (id?.kind !== 'id') throw new Error('expected an id');
    expect(said(id.shown, 'de')).toBe('ID cus_1');
  });
});
