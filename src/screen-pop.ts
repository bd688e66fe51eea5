/**
 * What a screen-pop link or route asks for: a customer by id, phone or email
 * (`/customer?phone=+4420…`, `?email=…`, `?id=…`), or a reason it cannot be
 * understood. Shared by the workstation's customer screen and its tests.
 */
import { EmailSchema, IdSchema, normalizePhone, PhoneSchema } from './domain/common';

export type ScreenPopLookup =
  | { kind: 'id' | 'phone' | 'email'; value: string; shown: string }
  | { kind: 'invalid'; reason: string }
  | null;

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
    return IdSchema.safeParse(id).success ? { kind: 'id', value: id, shown: `id ${id}` } : { kind: 'invalid', reason: `“${id.slice(0, 80)}” is not a customer id.` };
  }
  if (phone !== null) {
    const parsed = PhoneSchema.safeParse(phone);
    return parsed.success
      ? { kind: 'phone', value: normalizePhone(parsed.data), shown: `phone ${parsed.data}` }
      : { kind: 'invalid', reason: `“${phone.slice(0, 80)}” is not a phone number.` };
  }
  if (email !== null) {
    const parsed = EmailSchema.safeParse(email);
    return parsed.success ? { kind: 'email', value: parsed.data, shown: `email ${parsed.data}` } : { kind: 'invalid', reason: `“${email.slice(0, 80)}” is not an email address.` };
  }
  return null;
}
