/**
 * The remembered sign-in: encrypted with the OS keychain (safeStorage), or — where there is no
 * keychain — kept in memory only, so the agent signs in again at the next start rather than the
 * token sitting on disk in plain text. A plain-text session left by an older version is removed.
 */
import { StoredSessionSchema, type StoredSession } from '@core/bridge';

export interface StoredSessionRecord {
  encrypted: boolean;
  data: string;
}

/** Where the record lives (electron-store in the app, a Map in tests). */
export interface SessionRecordStore {
  get(): StoredSessionRecord | undefined;
  set(record: StoredSessionRecord): void;
  delete(): void;
}

/** The part of Electron's safeStorage used here. */
export interface KeychainApi {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

/** True when safeStorage encrypts with a real OS keychain (on Linux, "basic_text" is a hard-coded key: no protection). */
export function hasOsKeychain(keychain: KeychainApi, platform: NodeJS.Platform): boolean {
  if (!keychain.isEncryptionAvailable()) return false;
  return !(platform === 'linux' && keychain.getSelectedStorageBackend?.() === 'basic_text');
}

export class SessionVault {
  private memory: StoredSession | null = null;

  constructor(
    private readonly records: SessionRecordStore,
    private readonly keychain: KeychainApi,
    private readonly platform: NodeJS.Platform,
  ) {}

  /** Where a saved session goes: the keychain, or memory for this run only. */
  storage(): 'keychain' | 'memory' {
    return hasOsKeychain(this.keychain, this.platform) ? 'keychain' : 'memory';
  }

  load(): StoredSession | null {
    const stored = this.records.get();
    if (!stored) return this.memory;
    if (!stored.encrypted || this.storage() === 'memory') {
      // Plain text from an older version, or encrypted with a keychain that is gone: not kept.
      this.records.delete();
      return this.memory;
    }
    try {
      const parsed = StoredSessionSchema.safeParse(JSON.parse(this.keychain.decryptString(Buffer.from(stored.data, 'base64'))));
      return parsed.success ? parsed.data : null;
    } catch {
      // Unreadable (another machine's keychain, a damaged file): sign in again.
      return null;
    }
  }

  save(session: StoredSession | null): void {
    this.memory = null;
    this.records.delete();
    if (!session) return;
    const valid = StoredSessionSchema.parse(session);
    if (this.storage() === 'memory') {
      this.memory = valid;
      return;
    }
    this.records.set({ encrypted: true, data: this.keychain.encryptString(JSON.stringify(valid)).toString('base64') });
  }
}
