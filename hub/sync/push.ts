/**
 * Push: a push's mutations are applied in one transaction together with the
 * client's lastMutationId, so a replay (a retried request, a duplicated
 * delivery) is recognised and answered from the stored result, never applied
 * twice. A mutation the domain refuses is committed as rejected with a code;
 * one that fails unexpectedly is committed as rejected too (code `internal`),
 * so a desktop's later changes are never held up behind it.
 */
import type { Clock } from '../clock';
import { describeZodError } from '@core/bridge';
import { TooDeepError, wellFormedDeep } from '@core/domain/common';
import type { User } from '@core/domain/model';
import {
  DomainError,
  isMutationName,
  madeAtOf,
  mutationArgs,
  runMutator,
  SERIAL_MUTATIONS,
  type MutationArgs,
  type MutationName,
} from '@core/sync/mutations';
import { PROTOCOL_VERSION, type MutationResult, type PushRequest, type PushResponse, type RejectionCode } from '@core/sync/protocol';
import { actorOf } from '../auth';
import { HttpError } from '../errors';
import { consoleLog, describeFailure, isTransient, type FailureLog } from '../failures';
import type { Queryable, Storage } from '../storage';
import { announcedWrite, hubStore, storedMessage } from './store';
import { englishMessage, type MessageValues } from '@core/i18n/messages';
import { REJECTIONS } from '@core/sync/mutations/rejections';

interface ValidMutation {
  id: number;
  name: MutationName;
  args: MutationArgs<MutationName>;
  at: number;
}

/** Checks the whole push before anything is written: a bad one is refused entire. */
export function validatePush(request: PushRequest): ValidMutation[] {
  if (request.schemaVersion !== PROTOCOL_VERSION) {
    throw new HttpError(
      409,
      'protocol_mismatch',
      `This hub speaks sync protocol ${PROTOCOL_VERSION}; the desktop sent ${request.schemaVersion}. Update AgentDesk on this desktop.`,
    );
  }
  return request.mutations.map((mutation, index) => {
    const previous = request.mutations[index - 1];
    if (previous && mutation.id !== previous.id + 1) {
      throw new HttpError(400, 'not_consecutive', `Mutation ids in a push must be consecutive: ${mutation.id} follows ${previous.id}.`);
    }
    if (!isMutationName(mutation.name)) {
      throw new HttpError(400, 'unknown_mutation', `Mutation ${mutation.id} has an unknown name: ${JSON.stringify(mutation.name)}.`);
    }
    // Args are stored as jsonb, which refuses lone surrogates; schemas of free text make them U+FFFD too, this covers every string and key.
    let repaired: unknown;
    try {
      repaired = wellFormedDeep(mutation.args);
    } catch (error) {
      if (error instanceof TooDeepError) throw new HttpError(400, 'invalid_arguments', `Mutation ${mutation.id} (${mutation.name}) has invalid arguments: ${error.message}.`);
      throw error;
    }
    const args = mutationArgs[mutation.name].safeParse(repaired);
    if (!args.success) {
      throw new HttpError(400, 'invalid_arguments', `Mutation ${mutation.id} (${mutation.name}) has invalid arguments: ${describeZodError(args.error)}`);
    }
    return { id: mutation.id, name: mutation.name, args: args.data, at: mutation.at };
  });
}

interface ClientRow {
  user_id: string;
  last_mutation_id: number;
}

/** The client's row, locked; created on first sight. A client belongs to one person. */
async function lockClient(tx: Queryable, clientId: string, user: User): Promise<ClientRow> {
  // One round trip: the no-op update locks an existing row and returns it, as the insert returns a new one.
  const rows = await tx.query<ClientRow>(
    `INSERT INTO clients (client_id, user_id) VALUES ($1, $2)
     ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id
     RETURNING user_id, last_mutation_id`,
    [clientId, user.id],
  );
  const client = rows[0]!;
  if (client.user_id !== user.id) throw new HttpError(403, 'forbidden', 'This desktop client belongs to another person.');
  return { user_id: client.user_id, last_mutation_id: Number(client.last_mutation_id) };
}

export interface PushHooks {
  /** Called inside the push's transaction, after each mutation ran (tests inject faults here). */
  afterMutation?: (index: number) => void | Promise<void>;
  /** Once the push has committed, each mutation's result, and whether it was answered from the stored one (a replay). For /metrics. */
  onResult?: (result: MutationResult, replayed: boolean) => void;
}

/**
 * Applies a validated push in one transaction: the client's lastMutationId
 * commits with every mutation it counts, so a replay is recognised and a push
 * interrupted anywhere is applied whole or not at all. Each mutation runs
 * under a savepoint: one the domain refuses is undone alone and recorded as
 * rejected, and the rest still apply.
 */
export async function applyPush(
  storage: Storage,
  user: User,
  clientId: string,
  mutations: readonly ValidMutation[],
  { clock, hooks = {}, log = consoleLog }: { clock: Clock; hooks?: PushHooks; log?: FailureLog },
): Promise<{ response: PushResponse; changed: boolean }> {
  const actor = actorOf(user);
  // Side by side with other pushes unless a mutation must run alone.
  const mode = mutations.some((mutation) => SERIAL_MUTATIONS.has(mutation.name)) ? 'serial' : 'rows';
  const { result: outcome, head } = await announcedWrite(storage, async (tx) => {
    const client = await lockClient(tx, clientId, user);
    const results: MutationResult[] = [];
    let last = client.last_mutation_id;
    let changed = false;
    const logged: { id: number; name: string; args: unknown; made_at: number; applied_at: number; status: string; code: string | null; message: string | null; message_id: string | null; message_values: MessageValues | null }[] = [];

    const replays = mutations.filter((mutation) => mutation.id <= last);
    if (replays.length) {
      // Answered from the stored results, never applied twice.
      const stored = await tx.query<{ id: number; status: string; code: string | null; message: string | null; message_id: string | null; message_values: MessageValues | null }>(
        'SELECT id, status, code, message, message_id, message_values FROM mutations WHERE client_id = $1 AND id = ANY($2::bigint[])',
        [clientId, replays.map((mutation) => mutation.id)],
      );
      const byId = new Map(stored.map((row) => [Number(row.id), row]));
      for (const mutation of replays) {
        const row = byId.get(mutation.id);
        results.push(
          row?.status === 'rejected'
            ? { id: mutation.id, status: 'rejected', code: (row.code ?? 'invalid') as RejectionCode, message: row.message ?? '', ...storedMessage(row) }
            : { id: mutation.id, status: 'applied' },
        );
      }
    }

    for (const [index, mutation] of mutations.entries()) {
      if (mutation.id <= client.last_mutation_id) continue;
      if (mutation.id !== last + 1) {
        throw new HttpError(409, 'mutation_gap', `The hub expected mutation ${last + 1} from this desktop but got ${mutation.id}.`);
      }
      const appliedAt = clock.now();
      await tx.exec('SAVEPOINT mutation');
      let result: MutationResult;
      try {
        await runMutator({ store: hubStore(tx), actor, now: appliedAt, madeAt: madeAtOf(mutation.at, appliedAt), authoritative: true }, mutation.name, mutation.args);
        await tx.exec('RELEASE SAVEPOINT mutation');
        result = { id: mutation.id, status: 'applied' };
      } catch (error) {
        // Undoes the mutation's writes; on PostgreSQL it also clears the aborted state a failed statement leaves.
        await tx.exec('ROLLBACK TO SAVEPOINT mutation');
        if (isTransient(error)) throw error;
        if (error instanceof DomainError) {
          result = { id: mutation.id, status: 'rejected', code: error.code, message: error.message, messageId: error.messageId, values: error.values };
        } else {
          log.error({ clientId, mutationId: mutation.id, mutation: mutation.name, err: describeFailure(error) }, 'push: a mutation failed unexpectedly; recorded as rejected');
          const values = { mutationId: mutation.id };
          result = { id: mutation.id, status: 'rejected', code: 'internal', message: englishMessage(REJECTIONS.internal, values), messageId: String(REJECTIONS.internal.id), values };
        }
      }
      logged.push({
        id: mutation.id,
        name: mutation.name,
        args: mutation.args,
        made_at: mutation.at,
        applied_at: appliedAt,
        status: result.status,
        code: result.status === 'rejected' ? result.code : null,
        message: result.status === 'rejected' ? result.message : null,
        message_id: result.status === 'rejected' ? (result.messageId ?? null) : null,
        message_values: result.status === 'rejected' ? (result.values ?? null) : null,
      });
      await hooks.afterMutation?.(index);
      results.push(result);
      last = mutation.id;
      changed ||= result.status === 'applied';
    }
    if (last > client.last_mutation_id) {
      // Every mutation's log entry and the client's new position in one statement.
      await tx.query(
        `WITH logged AS (
           INSERT INTO mutations (client_id, id, user_id, name, args, made_at, applied_at, seq, status, code, message, message_id, message_values)
           SELECT $1, m.id, $3, m.name, m.args, m.made_at, m.applied_at, nextval('change_seq'), m.status, m.code, m.message, m.message_id, m.message_values
             FROM jsonb_to_recordset($4::jsonb) AS m (id bigint, name text, args jsonb, made_at bigint, applied_at bigint, status text, code text, message text, message_id text, message_values jsonb))
         UPDATE clients SET last_mutation_id = $2, last_seen_at = now() WHERE client_id = $1`,
        [clientId, last, user.id, JSON.stringify(logged)],
      );
    }
    return {
      response: { lastMutationId: last, results },
      changed,
      replayedUpTo: client.last_mutation_id,
    };
  }, mode);
  // Counted once committed: a push rolled back is counted when it is sent again.
  if (hooks.onResult) for (const result of outcome.response.results) hooks.onResult(result, result.id <= outcome.replayedUpTo);
  // The version through which the desktop will see this push on its event stream, when it wrote anything.
  return { response: head === null ? outcome.response : { ...outcome.response, version: head }, changed: outcome.changed };
}
