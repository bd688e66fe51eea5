import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newUser } from '@core/domain/model';
import type { StoredSession } from '@core/bridge';
import { resetFakeElectron, safeStorage } from '../helpers/fake-electron';
import { hasOsKeychain, SessionVault, type StoredSessionRecord } from '../../main/session-vault';

vi.mock('electron', () => import('../helpers/fake-electron'));

function memoryRecords(initial?: StoredSessionRecord) {
  let record = initial;
  return {
    get: () => record,
    set: (next: StoredSessionRecord) => {
      record = next;
    },
    delete: () => {
      record = undefined;
    },
  };
}

const EXPIRES_AT = Date.now() + 3_600_000;

function session(): StoredSession {
  return {
    token: 't'.repeat(40),
    expiresAt: EXPIRES_AT,
    user: newUser({ id: 'user-ana', username: 'ana', name: 'Ana Agent', role: 'agent' }),
    hubId: 'hub-1',
    hubUrl: 'https://hub.example.com',
  };
}

describe('the remembered sign-in', () => {
  beforeEach(() => resetFakeElectron());

  it('is stored encrypted when the OS keychain is there, and read back', () => {
    const records = memoryRecords();
    const vault = new SessionVault(records, safeStorage, 'linux');
    const saved = session();
    vault.save(saved);
    expect(records.get()?.encrypted).toBe(true);
    expect(records.get()?.data).not.toContain(saved.token);
    expect(Buffer.from(records.get()!.data, 'base64').toString()).not.toContain(saved.token);
    expect(new SessionVault(records, safeStorage, 'linux').load()).toEqual(saved);
  });

  it('stays in memory only without a keychain: nothing on disk, gone at the next start', () => {
    safeStorage.available = false;
    const records = memoryRecords();
    const vault = new SessionVault(records, safeStorage, 'win32');
    expect(vault.storage()).toBe('memory');
    vault.save(session());
    expect(records.get()).toBeUndefined();
    expect(vault.load()).toEqual(session());
    expect(new SessionVault(records, safeStorage, 'win32').load()).toBeNull();
  });

  it('treats Linux’s basic_text backend as no keychain', () => {
    safeStorage.backend = 'basic_text';
    expect(hasOsKeychain(safeStorage, 'linux')).toBe(false);
    expect(hasOsKeychain(safeStorage, 'darwin')).toBe(true);
    safeStorage.backend = 'kwallet5';
    expect(hasOsKeychain(safeStorage, 'linux')).toBe(true);
    safeStorage.backend = 'basic_text';
    const records = memoryRecords();
    new SessionVault(records, safeStorage, 'linux').save(session());
    expect(records.get()).toBeUndefined();
  });

  it('removes a plain-text session an older version left on disk', () => {
    const records = memoryRecords({ encrypted: false, data: JSON.stringify(session()) });
    expect(new SessionVault(records, safeStorage, 'linux').load()).toBeNull();
    expect(records.get()).toBeUndefined();
  });

  it('forgets on sign-out, and signs in again when the stored one cannot be read', () => {
    const records = memoryRecords();
    const vault = new SessionVault(records, safeStorage, 'darwin');
    vault.save(session());
    vault.save(null);
    expect(records.get()).toBeUndefined();
    expect(vault.load()).toBeNull();
    records.set({ encrypted: true, data: Buffer.from('another machine').toString('base64') });
    expect(vault.load()).toBeNull();
  });
});
