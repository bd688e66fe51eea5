import { normalizePhone } from '@core/domain/common';
import { customerName, type Customer } from '@core/domain/model';
import type { AgentDeskDb, LocalRow } from '@core/db/schema';
import { fold } from '@core/search/text';

/** Text a customer is found by, folded (lower case, no accents): name, company, emails, and phone digits. */
export function customerSearchText(customer: Customer): string {
  return fold([customerName(customer), customer.company ?? '', ...customer.emails, ...customer.phones.map((phone) => phone.replace(/\D/g, ''))].join(' '));
}

export function customerMatches(text: string, query: string): boolean {
  const digits = query.replace(/\D/g, '');
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => text.includes(term) || (digits.length >= 3 && text.includes(digits)));
}


/**
 * Customers for a quick search (the command palette): prefix lookups on the
 * indexes first (last name, e-mail, phone as screen-pop normalises it), then, if
 * those leave room, a scan that stops at `limit` for first names and the rest.
 * Redirects of merged customers are left out.
 */
export async function quickFindCustomers(db: AgentDeskDb, query: string, limit = 8): Promise<LocalRow<'customer'>[]> {
  const text = query.trim();
  if (text.length < 2) return [];
  const found = new Map<string, LocalRow<'customer'>>();
  const add = (rows: LocalRow<'customer'>[]) => {
    for (const row of rows) if (!row.mergedInto && found.size < limit) found.set(row.id, row);
  };
  const digits = text.replace(/\D/g, '');
  if (/^[+\d\s().-]+$/.test(text) && digits.length >= 3) {
    const phone = normalizePhone(text);
    add(await db.customers.where('phones').startsWith(phone).limit(limit).toArray());
    if (!phone.startsWith('+')) add(await db.customers.where('phones').startsWith(`+${digits}`).limit(limit).toArray());
  } else {
    add(await db.customers.where('emails').startsWith(text.toLowerCase()).limit(limit).toArray());
    const last = text.split(/\s+/).at(-1)!;
    add(await db.customers.where('lastName').startsWithIgnoreCase(last).limit(limit * 2).toArray());
  }
  if (found.size < limit) {
    add(
      await db.customers
        .filter((customer) => !found.has(customer.id) && !customer.mergedInto && customerMatches(customerSearchText(customer), text))
        .limit(limit - found.size)
        .toArray(),
    );
  }
  // Prefix hits on the last name may not hold the other words typed ("ada lov" → Lovelace, not Ada Lowe).
  return [...found.values()].filter((customer) => customerMatches(customerSearchText(customer), text));
}
