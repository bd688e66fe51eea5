/**
 * Every change an agent or supervisor makes is one of these mutations. The
 * same mutator runs twice: optimistically on the desktop (against the local
 * cache, re-run on every rebase, so it must be deterministic given its args,
 * actor and time) and authoritatively on the hub (against PostgreSQL). Rules
 * that decide what cannot be merged live here, so both sides agree; the hub's
 * answer wins when they do not (it sees what the desktop could not).
 *
 * Each mutation is declared once, with defineMutation (./define), in the
 * module of the aggregate it changes: its arguments, the entities it touches,
 * whether the hub applies it alone, and its rule. This module gathers them.
 */
import type { z } from 'zod';
import type { EntityName } from '../entities';
import type { Mutator, MutationContext } from './context';
import { MUTATION_DEFINITIONS, type AnyMutationDefinition } from './definitions';

export { DomainError, MADE_AT_MAX_AGE_MS, MADE_AT_SKEW_MS, madeAtOf, type Actor, type CustomerRows, type MutationContext, type MutationStore } from './context';
export { noteRow, OFFER_TTL_MS } from './contact';
export { FOLLOW_UP_PAST_GRACE_MS, followUpOutcomeRow } from './followUp';

/** Each mutation's arguments, checked on the desktop before it is queued and on the hub before it runs. */
export const mutationArgs = Object.fromEntries(MUTATION_DEFINITIONS.map((definition) => [definition.name, definition.args])) as {
  readonly [D in AnyMutationDefinition as D['name']]: D['args'];
};

export type MutationName = keyof typeof mutationArgs;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];
export type MutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;
export type MutationInput<N extends MutationName> = z.input<(typeof mutationArgs)[N]>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgs, name);
}

/**
 * Mutations the hub applies alone, with no other write in progress: their
 * rules read more than the rows they name (every version of a script, who
 * holds a user name), or they change who may see and take what (people,
 * teams, queues), or they write rows only such mutations write (a queue's
 * SLA). Every other mutation locks only the rows it reads, so agents'
 * changes to different contacts are applied side by side. Each definition
 * says whether it is one (`serial: true`).
 */
export const SERIAL_MUTATIONS: ReadonlySet<MutationName> = new Set<MutationName>(
  MUTATION_DEFINITIONS.filter((definition) => definition.serial).map((definition) => definition.name),
);

/**
 * Entities only serial mutations (and the hub's own serial writes) change:
 * the directory and the scripts. A mutation applied side by side with others
 * reads them without locking them, and may not write them.
 */
export const REFERENCE_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>(['user', 'team', 'queue', 'script']);

/**
 * The entities each mutation reads or writes. The desktop opens a mutation's
 * transaction over these alone, so it never waits behind the sync worker's
 * writes to unrelated tables.
 */
export const MUTATION_ENTITIES = Object.fromEntries(MUTATION_DEFINITIONS.map((definition) => [definition.name, definition.entities])) as {
  [N in MutationName]: readonly EntityName[];
};

export const mutators = Object.fromEntries(MUTATION_DEFINITIONS.map((definition) => [definition.name, definition.rule])) as {
  [N in MutationName]: Mutator<MutationArgs<N>>;
};

/** Validates a mutation's arguments; throws a ZodError with what is wrong. */
export function parseMutationArgs<N extends MutationName>(name: N, args: unknown): MutationArgs<N> {
  return mutationArgs[name].parse(args) as MutationArgs<N>;
}

/** Runs one mutation's rules against a store. Throws DomainError when the domain refuses it. */
export async function runMutator<N extends MutationName>(ctx: MutationContext, name: N, args: MutationArgs<N>): Promise<void> {
  await (mutators[name] as Mutator<MutationArgs<N>>)(ctx, args);
}
