import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '@core/bridge';
import { EmailSchema, PhoneSchema, shortText } from '@core/domain/common';
import { CustomerSchema, newCustomer } from '@core/domain/model';
import { describeProblems, fieldProblems, formatProblem, problemsByField } from '@core/domain/problems';
import { REJECTIONS } from '@core/sync/mutations/rejections';
import { DomainError } from '@core/sync/mutations';
import { formatRejection } from '@core/sync/said';
import { intlFor } from '../helpers/intl';
import { parseMutationArgs } from '@core/sync/mutations';

const failure = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error;
};

describe('validation messages', () => {
  it('asks for an email address by example, never by schema path', () => {
    const error = failure(z.object({ patch: z.object({ emails: z.array(EmailSchema) }) }), { patch: { emails: ['ana@example.com', 'ana@'] } });
    expect(fieldProblems(error)).toEqual([
      {
        field: 'emails',
        path: ['patch', 'emails', 1],
        descriptor: expect.objectContaining({ id: 'problem.field.email' }),
        values: { field: 'emails', label: 'Email address' },
        message: 'Enter an email address like name@example.com.',
      },
    ]);
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

  it('words each problem as a message with the field as a value, in the reader’s language', () => {
    const form = z.object({ firstName: shortText(80), lastName: z.string().max(5), quietHours: z.object({ start: z.string() }), teamIds: z.array(z.string()).min(2) });
    const problems = fieldProblems(failure(form, { firstName: '', lastName: 'Fernández', teamIds: [] }));
    expect(problems.map(({ field, descriptor, values }) => ({ field, id: descriptor.id, values }))).toEqual([
      { field: 'firstName', id: 'problem.rule.notEmpty', values: { field: 'firstName', label: 'First name' } },
      { field: 'lastName', id: 'problem.field.maxLength', values: { field: 'lastName', label: 'Last name', max: 5 } },
      { field: 'quietHours', id: 'problem.field.required', values: { field: 'quietHours', label: 'Quiet hours' } },
      { field: 'teamIds', id: 'problem.field.minItems', values: { field: 'teamIds', label: 'Teams', min: 2 } },
    ]);
    const english = intlFor('en-GB');
    expect(problems.map((problem) => formatProblem(english, problem))).toEqual(problems.map((problem) => problem.message));
    expect(problems.at(-1)?.message).toBe('Teams: give at least 2.');
    const german = intlFor('de');
    // The field's own name in German, not the English label the values carry.
    expect(problems.map((problem) => formatProblem(german, problem))).toEqual([
      'Vorname darf nicht leer sein.',
      'Nachname darf höchstens 5 Zeichen lang sein.',
      'Ruhezeiten ist erforderlich.',
      'Teams: Geben Sie mindestens 2 an.',
    ]);
    expect(formatProblem(intlFor('es'), problems[1]!)).toBe('Apellidos puede tener como máximo 5 caracteres.');
  });

  it('keeps a schema’s own rule it has no message for in its English sentence', () => {
    const [problem] = fieldProblems(failure(z.object({ workingDays: z.array(z.string()).min(1, 'pick at least one working day') }), { workingDays: [] }));
    expect(problem).toMatchObject({ descriptor: { id: 'problem.rule.other' }, values: { text: 'Working days pick at least one working day.' }, message: 'Working days pick at least one working day.' });
    expect(formatProblem(intlFor('de'), problem!)).toBe('Working days pick at least one working day.');
  });
});

describe('refusals', () => {
  it('carry their message id and values, with the English as their message', () => {
    const refusal = new DomainError('already_claimed', REJECTIONS.contactAlreadyTaken, { name: 'Ava' });
    expect(refusal.message).toBe('Ava already took this contact.');
    expect(refusal.messageId).toBe('rejection.contact.alreadyTaken');
    expect(refusal.values).toEqual({ name: 'Ava' });
    expect(formatRejection(intlFor('de'), { message: refusal.message, messageId: refusal.messageId, values: refusal.values })).toBe('Ava hat diesen Kontakt bereits übernommen.');
    expect(formatRejection(intlFor('es'), { message: refusal.message, messageId: refusal.messageId, values: refusal.values })).toBe('Ava ya ha tomado este contacto.');
  });

  it('word a choice inside the sentence as a whole sentence per case', () => {
    const refusal = new DomainError('unavailable', REJECTIONS.personUnavailable, { name: 'Ben', presence: 'afterContactWork' });
    expect(refusal.message).toBe('Ben is after-contact work: the contact was not transferred. Choose someone available, or a queue.');
    expect(new DomainError('forbidden', REJECTIONS.onlySupervisors, { action: 'changeTier' }).message).toBe("Only supervisors can change a customer's tier.");
  });

  it('show the English they came with when this desktop does not know the id (a newer hub), or got none (an older hub)', () => {
    const german = intlFor('de');
    expect(formatRejection(german, { message: 'Something new went wrong.', messageId: 'rejection.fromTheFuture', values: { name: 'Ava' } })).toBe('Something new went wrong.');
    expect(formatRejection(german, { message: 'Ava already took this contact.' })).toBe('Ava already took this contact.');
  });
});
