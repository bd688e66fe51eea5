/** A refused change placed under the field it names, in the agent's language: by what the refusal says it is about, never by its words. */
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { MutationRefused } from '@core/sync/local';
import { mutationArgs } from '@core/sync/mutations';
import { fieldProblems } from '@core/domain/problems';
import { REJECTIONS } from '@core/sync/mutations/rejections';
import { refusalByFieldIn } from '../../renderer/src/lib/i18n/said';
import { intlFor } from '../helpers/intl';

const usernameTaken = () => new MutationRefused('The user name “ava” is taken: choose another.', 'invalid', [], { descriptor: REJECTIONS.usernameTaken, values: { username: 'ava', field: 'username' } });

describe('a refusal for a form', () => {
  it('goes under the field the refusal names, in the agent’s language', () => {
    expect(refusalByFieldIn(intlFor('en-GB'), usernameTaken())).toEqual({ fields: { username: 'The user name “ava” is taken: choose another.' }, message: null });
    const german = refusalByFieldIn(intlFor('de'), usernameTaken());
    expect(german.message).toBeNull();
    expect(german.fields.username).toMatch(/„ava“/);
    expect(german.fields.username).not.toMatch(/taken/);
  });

  it('without a field, is the form’s own message', () => {
    const refused = new MutationRefused('Only administrators can add people.', 'forbidden', [], { descriptor: REJECTIONS.onlyAdmins, values: { action: 'addPeople' } });
    expect(refusalByFieldIn(intlFor('en-GB'), refused)).toEqual({ fields: {}, message: 'Only administrators can add people.' });
    expect(refusalByFieldIn(intlFor('en-GB'), new Error('disk full'))).toEqual({ fields: {}, message: 'disk full' });
  });

  it('puts each problem of bad input under its field', () => {
    const parsed = mutationArgs['user.create'].safeParse({ id: 'usr_x', username: '', name: 'X', role: 'agent' });
    expect(parsed.success).toBe(false);
    const problems = fieldProblems(parsed.error as ZodError);
    const refused = new MutationRefused('bad input', 'invalid', problems);
    expect(Object.keys(refusalByFieldIn(intlFor('en-GB'), refused).fields)).toEqual(['username']);
  });
});
