import { randomBytes, scryptSync } from 'node:crypto';

/** A password hash at an older scrypt cost, in the hub's format (for upgrade tests). */
export async function hashPasswordAt(password: string, N: number): Promise<string> {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 64, { N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}
