/** Wrap-up configuration: the disposition codes agents choose from (assets/config/dispositions.json). */
import { z } from 'zod';
import config from '../assets/config/dispositions.json';

export const DispositionSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/),
  label: z.string().min(1).max(60),
  /** Whether this outcome usually means the customer's need was met (pre-selects "resolved"). */
  resolves: z.boolean(),
});
export type Disposition = z.infer<typeof DispositionSchema>;

export const DispositionConfigSchema = z.object({
  dispositions: z
    .array(DispositionSchema)
    .min(1)
    .refine((list) => new Set(list.map((d) => d.code)).size === list.length, 'disposition codes must be unique'),
});

export const DISPOSITIONS: readonly Disposition[] = DispositionConfigSchema.parse(config).dispositions;
