/** A customer's details. */
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import { CUSTOMER_EDITABLE_FIELDS, CustomerSchema, type Customer, type CustomerEditableField } from '../../domain/model';
import { requireSupervisor } from './access';
import { DomainError } from './context';
import { defineMutation } from './define';
import { need } from './helpers';

/**
 * The fields of a customer update. Built from the customer schema without its
 * defaults: a field left out of a patch must stay as it is, not be reset.
 */
const CustomerPatchSchema = z
  .object(
    Object.fromEntries(
      CUSTOMER_EDITABLE_FIELDS.map((field) => {
        const schema = CustomerSchema.shape[field] as z.ZodType;
        const bare = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
        return [field, bare.optional()];
      }),
    ) as { [K in CustomerEditableField]: z.ZodOptional<z.ZodType<Customer[K]>> },
  )
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'a customer update changes at least one field');

export const updateCustomer = defineMutation({
  name: 'customer.update',
  args: z.object({ customerId: IdSchema, patch: CustomerPatchSchema }).strict(),
  entities: ['customer'],
  rule: async (ctx, { customerId, patch }) => {
    const customer = await need(ctx, 'customer', customerId, 'customer');
    if (patch.tier !== undefined && patch.tier !== customer.tier) requireSupervisor(ctx.actor, "change a customer's tier");
    // Per-field merge: only the fields in the patch change, so concurrent edits of different fields both stand.
    const next = CustomerSchema.safeParse({ ...customer, ...patch, updatedAt: Math.max(customer.updatedAt, ctx.now) });
    if (!next.success) throw new DomainError('invalid', next.error.issues[0]?.message ?? 'Invalid customer.');
    await ctx.store.put('customer', next.data);
  },
});
