import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { newCustomer } from '@core/domain/model';
import { quickFindCustomers } from '../../renderer/src/data/customerSearch';

const AT = Date.UTC(2026, 0, 5);

async function dbWith(count: number) {
  const db = new AgentDeskDb(`palette-${count}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const rows = Array.from({ length: count }, (_, i) => ({
    ...newCustomer({
      id: `cus_${i}`,
      firstName: i === 7 ? 'Ada' : `First${i}`,
      lastName: i === 7 ? 'Lovelace' : `Last${i}`,
      preferredChannel: 'email',
      createdAt: AT,
      phones: [`+44207946${String(i).padStart(4, '0')}`],
      emails: [`person${i}@example.com`],
    }),
    _v: 1,
  }));
  await db.customers.bulkPut(rows);
  return db;
}

const ids = (found: { id: string }[]) => found.map((customer) => customer.id);

describe('finding customers from the palette', () => {
  it('finds by last name, by first name, and by both', async () => {
    const db = await dbWith(50);
    expect(ids(await quickFindCustomers(db, 'lovel'))).toEqual(['cus_7']);
    expect(ids(await quickFindCustomers(db, 'ada'))).toEqual(['cus_7']);
    expect(ids(await quickFindCustomers(db, 'Ada Lovelace'))).toEqual(['cus_7']);
    expect(await quickFindCustomers(db, 'Ada Smith')).toEqual([]);
  });

  it('finds by phone typed with spaces and brackets, as screen-pop normalises it', async () => {
    const db = await dbWith(50);
    expect(ids(await quickFindCustomers(db, '+44 (20) 7946 0007'))).toEqual(['cus_7']);
    expect(ids(await quickFindCustomers(db, '44 20 7946 0007'))).toEqual(['cus_7']);
  });

  it('finds by email whatever the case, and leaves out customers merged into another', async () => {
    const db = await dbWith(50);
    expect(ids(await quickFindCustomers(db, 'PERSON7@EXAMPLE'))).toEqual(['cus_7']);
    await db.customers.update('cus_7', { mergedInto: 'cus_8' });
    expect(await quickFindCustomers(db, 'person7@example.com')).toEqual([]);
  });

  it('stops at the cap among thousands, and needs two characters', async () => {
    const db = await dbWith(3000);
    expect(await quickFindCustomers(db, '+44207946', 8)).toHaveLength(8);
    expect(await quickFindCustomers(db, 'last', 8)).toHaveLength(8);
    expect(await quickFindCustomers(db, 'l')).toEqual([]);
  });
});
