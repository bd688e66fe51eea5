/**
 * Guessing passwords is slowed without letting anyone lock the real user out:
 * failures are counted per account *and* address, so after five wrong
 * passwords that pair waits (30 s, doubling to 15 min) while the same person
 * signing in from their own desk is not held up; an address failing across
 * many accounts (one guess per user) waits too; and an account failing from
 * many addresses is only slowed (a pause before answering), never refused.
 * Kept in the database: a restart forgets nothing, and every hub process sees
 * the same counts.
 */
import { HttpError } from './errors';
import type { Queryable } from './storage';
import { HUB_MESSAGES } from './messages';

const WINDOW_MS = 15 * 60_000;
const PAIR_FAILURES = 5;
const ADDRESS_FAILURES = 50;
const ACCOUNT_SLOWDOWN_AFTER = 10;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
const LONGEST_PAUSE_MS = 2_000;
/** The per-address row (over every account). */
const ANY_ACCOUNT = '*';

interface Row {
  failures: number;
  last_at: Date | string;
  blocked_until: Date | string | null;
}

const ms = (value: Date | string | null): number | null => (value === null ? null : new Date(value).getTime());

function waitFor(failures: number, threshold: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.max(0, failures - threshold));
}

/** Whole minutes to wait, at least one. */
function minutes(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 60_000));
}

export class SignInThrottle {
  constructor(private readonly db: Queryable) {}

  /**
   * Before checking a password: refuses (429, with how long to wait) a pair or
   * an address that must wait, else answers how long to pause first (an
   * account under attack from many addresses).
   */
  async before(username: string, address: string, now: number): Promise<{ pauseMs: number }> {
    const rows = await this.db.query<Row & { username: string; address: string }>(
      `SELECT username, address, failures, last_at, blocked_until FROM signin_failures
        WHERE (username = $1 AND address = $2) OR (username = $3 AND address = $2)`,
      [username, address, ANY_ACCOUNT],
    );
    for (const row of rows) {
      const until = ms(row.blocked_until);
      if (until !== null && until > now) {
        const wait = until - now;
        const refusal =
          row.username === ANY_ACCOUNT
            ? new HttpError(429, 'too_many_attempts', HUB_MESSAGES.tooManyFromAddress, { minutes: minutes(wait) })
            : new HttpError(429, 'too_many_attempts', HUB_MESSAGES.tooManyForAccount, { username, minutes: minutes(wait) });
        refusal.retryAfterSeconds = Math.ceil(wait / 1000);
        throw refusal;
      }
    }
    const recent = await this.db.query<{ n: number }>(
      'SELECT coalesce(sum(failures), 0) AS n FROM signin_failures WHERE username = $1 AND last_at > $2',
      [username, new Date(now - WINDOW_MS).toISOString()],
    );
    const failures = Number(recent[0]?.n ?? 0);
    const pauseMs = failures < ACCOUNT_SLOWDOWN_AFTER ? 0 : Math.min(LONGEST_PAUSE_MS, 200 * (failures - ACCOUNT_SLOWDOWN_AFTER + 1));
    return { pauseMs };
  }

  async failed(username: string, address: string, now: number): Promise<void> {
    await this.count(username, address, now, PAIR_FAILURES);
    await this.count(ANY_ACCOUNT, address, now, ADDRESS_FAILURES);
  }

  /** A right password clears that pair's count (not the address's or the account's from elsewhere). */
  async succeeded(username: string, address: string): Promise<void> {
    await this.db.query('DELETE FROM signin_failures WHERE username = $1 AND address = $2', [username, address]);
  }

  /** Forgets failures nobody has added to for a day. */
  async purge(now: number): Promise<void> {
    await this.db.query('DELETE FROM signin_failures WHERE last_at < $1 AND (blocked_until IS NULL OR blocked_until < $1)', [new Date(now - 24 * 3600_000).toISOString()]);
  }

  private async count(username: string, address: string, now: number, threshold: number): Promise<void> {
    const at = new Date(now).toISOString();
    const windowStart = new Date(now - WINDOW_MS).toISOString();
    // One statement: concurrent failures from many requests add up instead of overwriting each other.
    const rows = await this.db.query<{ failures: number }>(
      `INSERT INTO signin_failures (username, address, failures, first_at, last_at) VALUES ($1, $2, 1, $3, $3)
       ON CONFLICT (username, address) DO UPDATE SET
         failures = CASE WHEN signin_failures.last_at < $4 THEN 1 ELSE signin_failures.failures + 1 END,
         first_at = CASE WHEN signin_failures.last_at < $4 THEN $3 ELSE signin_failures.first_at END,
         last_at = $3
       RETURNING failures`,
      [username, address, at, windowStart],
    );
    const failures = Number(rows[0]?.failures ?? 0);
    if (failures >= threshold) {
      await this.db.query('UPDATE signin_failures SET blocked_until = $3 WHERE username = $1 AND address = $2', [
        username,
        address,
        new Date(now + waitFor(failures, threshold)).toISOString(),
      ]);
    }
  }
}
