/** Which customer a screen-pop link asks for, as the customer screen reads it. */
import { describe, expect, it } from 'vitest';
import { screenPopLookup } from '@core/screen-pop';

const lookup = (search: string) => screenPopLookup(new URLSearchParams(search));

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
});
