/**
 * How a mutation is declared: its name, its arguments, the entities it
 * touches, whether the hub applies it alone, and its rule, in one place. A new
 * mutation is one defineMutation in its aggregate's module, listed once in
 * ./index.ts.
 */
import type { z } from 'zod';
import type { EntityName } from '../entities';
import type { Mutator } from './context';

export interface MutationDefinition<Name extends string = string, Args extends z.ZodType = z.ZodType> {
  readonly name: Name;
  /** Checks the arguments on the desktop before the mutation is queued, and on the hub before it runs. */
  readonly args: Args;
  /**
   * The entities the mutation reads or writes. The desktop opens its
   * transaction over these alone, so it never waits behind the sync worker's
   * writes to unrelated tables.
   */
  readonly entities: readonly EntityName[];
  /**
   * True when the hub applies it alone, with no other write in progress: its
   * rule reads more than the rows it names, or it changes who may see and
   * take what, or it writes rows only such mutations write (see
   * SERIAL_MUTATIONS in ./index.ts).
   */
  readonly serial: boolean;
  /** The rule: runs on the desktop (optimistically, on every rebase) and on the hub (for good). */
  readonly rule: Mutator<z.output<Args>>;
}

export function defineMutation<const Name extends string, Args extends z.ZodType>(definition: {
  name: Name;
  args: Args;
  entities: readonly EntityName[];
  serial?: boolean;
  rule: Mutator<z.output<Args>>;
}): MutationDefinition<Name, Args> {
  return { name: definition.name, args: definition.args, entities: definition.entities, serial: definition.serial ?? false, rule: definition.rule };
}
