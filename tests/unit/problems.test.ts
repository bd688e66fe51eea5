import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '@core/bridge';
import { EmailSchema, PhoneSchema, shortText } from '@core/domain/common';
import { CustomerSchema, newCustomer } from '@core/domain/model';
import { describeProblems, fieldProblems, problemsByField } from '@core/domain/problems';
import { parseMutationArgs } from '@core/sync/mutations';

const failure = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error;
};

describe('validation messages', () => {
  it('asks for an email address by example, never by schema path', () => {
    const error = failure(z.object({ patch: z.object({ emails: z.array(EmailSchema) }) }), { patch: { emails: ['ana@example.com', 'ana@'] } });
    expect(fieldProblems(error)).toEqual([{ field: 'emails', path: ['patch', 'emails', 1], message: 'Enter an email address like name@example.com.' }]);
    expect(describeProblems(error)).toBe('Enter an email address like name@example.com.');
    expect(describeProblems(error)).not.toMatch(/patch|emails\.\d/);
  });

  it('asks for a phone number with its country code', () => {
    expect(describeProblems(failure(PhoneSchema, 'call me maybe'))).toBe('Enter a phone number with its country code, like +44 20 7946 0958.');
  });

  it('says which field is required, too long or empty, in words', () => {
    const form = z.object({ firstName: shortText(80), lastName: z.string().max(5), preferredChannel: z.enum(['call', 'email']), quietHours: z.object({ start: z.string() }) });
    const error = failure(form, { firstName: '', lastName: 'Fernández', preferredChannel: 'fax' });
    expect(problemsByField(error)).toEqual({
      firstName: 'First name must not be empty.',
      lastName: 'Last name can be at most 5 characters.',
      preferredChannel: 'Preferred channel must be one of: call, email.',
      quietHours: 'Quiet hours is required.',
    });
  });

  it('words the schemas’ own short messages as sentences about the field', () => {
    const error = failure(CustomerSchema.pick({ timeZone: true, language: true }), { timeZone: 'Mars/Olympus', language: 'english!' });
    expect(problemsByField(error)).toEqual({
      timeZone: 'Time zone must be an IANA time zone such as Europe/London.',
      language: 'Language must be a language tag such as en or fr-FR.',
    });
  });

  it('words a rule about the whole input as its own sentence, without a field in front', () => {
    const schema = z.object({ phones: z.array(z.string()) }).refine((value) => value.phones.length > 0, 'a customer needs a phone number or an email address to be found again');
    expect(describeProblems(failure(schema, { phones: [] }))).toBe('A customer needs a phone number or an email address to be found again.');
  });

  it('refuses a customer update with sentences for each field it names', () => {
    let refused: unknown;
    try {
      parseMutationArgs('customer.update', { customerId: 'cus_1', patch: { emails: ['not-an-email'], firstName: '' } });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(z.ZodError);
    const problems = fieldProblems(refused as z.ZodError);
    expect(problems.map(({ field, message }) => ({ field, message }))).toEqual(
      expect.arrayContaining([
        { field: 'emails', message: 'Enter an email address like name@example.com.' },
        { field: 'firstName', message: 'First name must not be empty.' },
      ]),
    );
    for (const problem of problems) expect(problem.message).not.toMatch(/^patch|\.\d+:/);
  });

  it('tells an API caller the field in brackets after the sentence, once per problem', () => {
    const error = failure(z.object({ from: z.object({ email: EmailSchema }) }), { from: { email: 'nope' } });
    expect(describeZodError(error)).toBe('Enter an email address like name@example.com (from.email).');
    expect(describeProblems(failure(z.object({ a: z.string() }), []))).toBe('The input must be an object.');
    expect(describeProblems(failure(z.object({ clientId: z.uuid('clientId must be a UUID') }), { clientId: 'me' }))).toBe('Client id must be a UUID.');
    expect(describeProblems(failure(z.object({ customerId: z.string() }), { customerId: 42 }))).toBe('Customer id is not valid.');
  });

  it('keeps customers made before the currency field valid', () => {
    const stored: Record<string, unknown> = { ...newCustomer({ id: 'cus_1', firstName: 'Ana', preferredChannel: 'call', createdAt: 0 }) };
    delete stored.currency;
    expect(CustomerSchema.parse(stored).currency).toBeNull();
    expect(problemsByField(failure(CustomerSchema.pick({ currency: true }), { currency: 'euro' }))).toEqual({ currency: 'Currency must be a currency code such as GBP or EUR.' });
  });
});
