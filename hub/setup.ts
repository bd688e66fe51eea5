/**
 * A hub started without demo data has nobody to sign in: its first
 * administrator is created from the workstation on the hub's own machine
 * (loopback only), with a password they choose, and the hub makes its own
 * random integration key, shown to them once. No hub has a known password
 * unless it was started as a demo.
 */
import { isIP } from 'node:net';
import { newPresence, newUser, type User } from '@core/domain/model';
import { createIntegrationKey } from './api-keys';
import { HttpError } from './errors';
import { hashPassword, passwordProblem } from './passwords';
import type { Queryable, Storage } from './storage';
import { writeRow, writeTransaction } from './sync/store';
import { HUB_MESSAGES } from './messages';

export async function needsSetup(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM credentials) AS any');
  return !rows[0]?.any;
}

/** Whether a request comes from the hub's own machine (never true through a reverse proxy's other hosts). */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

export interface FirstAdmin {
  username: string;
  name: string;
  password: string;
  timeZone: string;
}

/** The first administrator and the hub's first integration key (answered once). */
export async function createFirstAdmin(storage: Storage, input: FirstAdmin, now: number): Promise<{ user: User; integrationKey: string }> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw new HttpError(422, 'weak_password', problem.descriptor, problem.values);
  const hash = await hashPassword(input.password);
  const user = newUser({ id: `usr_${input.username}`, username: input.username, name: input.name, role: 'admin', timeZone: input.timeZone });
  await writeTransaction(storage, async (tx) => {
    // Checked under the write lock: of two set-up requests at once, the second finds an administrator.
    if (!(await needsSetup(tx))) throw new HttpError(409, 'already_set_up', HUB_MESSAGES.alreadySetUp);
    await writeRow(tx, 'user', user);
    await writeRow(tx, 'presence', newPresence(user.id, now));
    await tx.query('INSERT INTO credentials (user_id, username, password_hash, updated_at) VALUES ($1, $2, $3, $4)', [user.id, user.username, hash, new Date(now).toISOString()]);
  });
  const integrationKey = await createIntegrationKey(storage, 'Default integration', now);
  return { user, integrationKey };
}
