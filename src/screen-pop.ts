/**
 * What a screen-pop link or route asks for: a customer by id, phone or email
 * (`/customer?phone=+4420…`, `?email=…`, `?id=…`), or a reason it cannot be
 * understood. Shared by the workstation's customer screen and its tests.
 */
import { defineMessages } from '@formatjs/intl';
import { EmailSchema, IdSchema, normalizePhone, PhoneSchema } from './domain/common';
import type { Message } from './i18n/messages';

/** What the customer screen says about a link, formatted in the agent's language. */
export const SCREEN_POP_MESSAGES = defineMessages({
  shown: { id: 'customer.screenPop.shown', defaultMessage: '{kind, select, id {id {value}} phone {phone {value}} other {email {value}}}' },
  notAnId: { id: 'customer.screenPop.notAnId', defaultMessage: '“{value}” is not a customer id.' },
  notAPhone: { id: 'customer.screenPop.notAPhone', defaultMessage: '“{value}” is not a phone number.' },
  notAnEmail: { id: 'customer.screenPop.notAnEmail', defaultMessage: '“{value}” is not an email address.' },
});

export type ScreenPopLookup =
  | { kind: 'id' | 'phone' | 'email'; value: string; shown: Message }
  | { kind: 'invalid'; reason: Message }
  | null;

/** What the link gave, cut short: it is shown back to the agent. */
const given = (value: string): Message['values'] => ({ value: value.slice(0, 80) });

/**
 * A phone number as the link carries it. Query strings decode `+` as a space,
 * but softphones and the README write numbers with a literal `+`
 * (`?phone=+442079460000`): a number never starts with a space, so a leading
 * one was the international prefix.
 */
function phoneParam(params: URLSearchParams): string | null {
  const phone = params.get('phone');
  return phone === null ? null : phone.replace(/^ (?=\d)/, '+');
}

export function screenPopLookup(params: URLSearchParams): ScreenPopLookup {
  const id = params.get('id');
  const phone = phoneParam(params);
  const email = params.get('email');
  if (id !== null) {
    return IdSchema.safeParse(id).success
      ? { kind: 'id', value: id, shown: { descriptor: SCREEN_POP_MESSAGES.shown, values: { kind: 'id', value: id } } }
      : { kind: 'invalid', reason: { descriptor: SCREEN_POP_MESSAGES.notAnId, values: given(id) } };
  }
  if (phone !== null) {
    const parsed = PhoneSchema.safeParse(phone);
    return parsed.success
      ? { kind: 'phone', value: normalizePhone(parsed.data), shown: { descriptor: SCREEN_POP_MESSAGES.shown, values: { kind: 'phone', value: parsed.data } } }
      : { kind: 'invalid', reason: { descriptor: SCREEN_POP_MESSAGES.notAPhone, values: given(phone) } };
  }
  if (email !== null) {
    const parsed = EmailSchema.safeParse(email);
    return parsed.success
      ? { kind: 'email', value: parsed.data, shown: { descriptor: SCREEN_POP_MESSAGES.shown, values: { kind: 'email', value: parsed.data } } }
      : { kind: 'invalid', reason: { descriptor: SCREEN_POP_MESSAGES.notAnEmail, values: given(email) } };
  }
  return null;
}
