/** Small reads the rules share. */
import type { Customer } from '../../domain/model';
import type { EntityName, EntityRow } from '../entities';
import type { z } from 'zod';
import { fieldProblems } from '../../domain/problems';
import { DomainError, type MutationContext } from './context';
import { REJECTIONS } from './rejections';

export async function need<E extends EntityName>(ctx: MutationContext, entity: E, id: string): Promise<EntityRow<E>> {
  const row = await ctx.store.get(entity, id);
  if (!row) throw new DomainError('not_found', REJECTIONS.recordMissing, { entity, id });
  return row;
}

/** "Ben" for a user id, or "Another agent" when the user is unknown here. */
export async function firstNameOf(ctx: MutationContext, userId: string): Promise<string> {
  const user = await ctx.store.get('user', userId);
  return user?.name.split(/\s+/)[0] ?? 'Another agent';
}

/** "Ben Okafor" and "Ben" for a user id, or "another agent" when the user is unknown here. */
export async function personOf(ctx: MutationContext, userId: string): Promise<{ name: string; first: string }> {
  const user = await ctx.store.get('user', userId);
  return user ? { name: user.name, first: user.name.split(/\s+/)[0]! } : { name: 'another agent', first: 'that agent' };
}

/**
 * An id made from another (a note's) and a part (a person's): the same on the
 * desktop and the hub, so a rule stays deterministic, and within IdSchema's 64
 * characters whatever the lengths (two 32-bit FNV-1a hashes).
 */
export function derivedId(base: string, part: string): string {
  const joined = `${base}|${part}`;
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < joined.length; i += 1) h = Math.imul(h ^ joined.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `ntf_${hash(0x811c9dc5)}${hash(0x01000193)}`;
}

/** The start of a text, on one line, for a notification. */
export function excerpt(text: string, length = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/**
 * The customer a change that names `id` is about: the customer, or the one
 * they were merged into. A desktop that does not hold the survivor leaves it
 * to the hub (which holds every row).
 */
export async function customerFor(ctx: MutationContext, id: string): Promise<Customer> {
  let customer = await need(ctx, 'customer', id);
  for (let hops = 0; customer.mergedInto && hops < 10; hops += 1) {
    const survivor = await ctx.store.get('customer', customer.mergedInto);
    if (!survivor) {
      if (ctx.authoritative) throw new DomainError('not_found', REJECTIONS.customerMergedIntoMissing, { id: customer.mergedInto });
      return customer;
    }
    customer = survivor;
  }
  return customer;
}


/**
 * The refusal for input the schema does not take: the first problem's message
 * (a person fixes one thing at a time); the English names them all.
 */
export function invalidInput(error: z.ZodError, entity: 'user' | 'queue' | 'customer'): DomainError {
  const problems = fieldProblems(error);
  const first = problems[0];
  if (!first) return new DomainError('invalid', REJECTIONS.recordInvalid, { entity });
  const refusal = new DomainError('invalid', first.descriptor, first.values);
  if (problems.length > 1) refusal.message = problems.map((problem) => problem.message).join(' ');
  return refusal;
}
