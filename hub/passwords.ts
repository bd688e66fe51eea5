/**
 * Password hashing: scrypt at OWASP's cost (N = 2^17, r = 8, p = 1: 128 MiB
 * and about half a second a hash), stored as `scrypt$N$r$p$salt$hash`. A hash
 * made at a lower cost still verifies and is remade at the next sign-in.
 * Hashes run at most two at a time, so a shift signing in at once holds
 * 256 MiB, not 128 MiB per person.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HUB_MESSAGES } from './messages';
import type { MessageDescriptor, MessageValues } from '@core/i18n/messages';

export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 64 } as const;
const MAX_MEMORY = 256 * 1024 * 1024;
const CONCURRENT_HASHES = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return limited(
    () =>
      new Promise((resolve, reject) => {
        scryptCallback(password.normalize('NFC'), salt, keyLength, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  const parsed = { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
  const powerOfTwo = Number.isInteger(parsed.N) && parsed.N > 1 && (parsed.N & (parsed.N - 1)) === 0;
  return powerOfTwo && parsed.N <= 2 ** 20 && parsed.r >= 1 && parsed.r <= 32 && parsed.p >= 1 && parsed.p <= 16 && parsed.hash.length > 0 ? parsed : null;
}

let dummy: Promise<string> | null = null;
/** A real hash at the current cost, of a password nobody has: unknown names cost what known names cost. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString('base64'));
  return dummy;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.hash.length, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made at less than today's cost (remade at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N < SCRYPT.N || parsed.r !== SCRYPT.r || parsed.p !== SCRYPT.p || parsed.hash.length !== SCRYPT.keyLength;
}

/** What a new password must be: long enough to resist guessing, and not the user name. */
export function passwordProblem(password: string, username: string): { descriptor: MessageDescriptor; values?: MessageValues } | null {
  if (password.length < 10) return { descriptor: HUB_MESSAGES.passwordTooShort, values: { min: 10 } };
  if (password.length > 200) return { descriptor: HUB_MESSAGES.passwordTooLong, values: { max: 200 } };
  if (password.toLowerCase().includes(username.toLowerCase())) return { descriptor: HUB_MESSAGES.passwordHasUsername };
  if (/^(.)\1+$/.test(password)) return { descriptor: HUB_MESSAGES.passwordOneCharacter };
  return null;
}

/** Letters and digits easy to read aloud and type: no 0/O, 1/l/I. */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A random one-time password (16 characters of 55, about 92 bits), in groups
 * of four for reading out: xxxx-xxxx-xxxx-xxxx. It passes passwordProblem.
 */
export function oneTimePassword(username: string): string {
  for (;;) {
    const bytes = randomBytes(64);
    const chars: string[] = [];
    // Rejection sampling keeps every character equally likely.
    for (const byte of bytes) {
      if (byte < 220 && chars.length < 16) chars.push(ONE_TIME_ALPHABET[byte % 55]!);
    }
    if (chars.length < 16) continue;
    const password = [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
    if (!passwordProblem(password, username)) return password;
  }
}
