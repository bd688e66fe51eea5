/** "Copy diagnostics" tells IT what they need and nothing personal. */
import { describe, expect, it } from 'vitest';
import { buildDiagnostics, type DiagnosticsInput } from '@core/diagnostics';

const TOKEN = 'tok_9fK2mQ7xL0pR4sV8wZ1yB3nC6dE5gH';
const PERSONAL = ['Jane Doe', 'jane.doe@example.com', '+44 20 7946 0958', 'cus_7f3a91', 'usr_ava_01', TOKEN, 'Orchard Lane'];

function input(overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    generatedAt: Date.UTC(2026, 11, 31, 23, 59, 30),
    app: { name: 'AgentDesk', version: '1.4.0', host: 'electron', os: 'Windows_NT 10.0.22631', hubUrl: 'https://hub.example.com', hubMode: 'remote' },
    host: {
      electron: '39.2.0',
      chrome: '142.0.7444.59',
      node: '22.20.0',
      platform: 'win32',
      arch: 'x64',
      logsDir: '~/AppData/Roaming/AgentDesk/logs',
      crashDumpsDir: '~/AppData/Roaming/AgentDesk/Crashpad',
      crashSubmitUrl: null,
    },
    userAgent: null,
    hub: { connection: 'online', version: '1.4.0', storage: 'postgres', schemaVersion: 31 },
    sync: {
      state: 'error',
      lastSyncedAt: Date.UTC(2026, 11, 31, 23, 50),
      // A problem sentence that quotes what it should not.
      error: `The hub refused jane.doe@example.com (+44 20 7946 0958) with Bearer ${TOKEN}`,
      retryAt: Date.UTC(2026, 11, 31, 23, 60),
    },
    cursor: 48213,
    outbox: 3,
    dbVersion: 27,
    rejections: [
      {
        code: 'invalid_state',
        name: 'updateCustomer',
        at: Date.UTC(2026, 11, 31, 23, 55),
        message: 'Jane Doe at 4 Orchard Lane was changed by someone else',
        args: { id: 'cus_7f3a91', name: 'Jane Doe', email: 'jane.doe@example.com', by: 'usr_ava_01' },
      },
    ],
    recentErrors: [{ at: Date.UTC(2026, 11, 31, 23, 58), message: `TypeError: cannot read x of undefined (customer jane.doe@example.com, token=${TOKEN})\n    at render (Customer.tsx:12)` }],
    update: { status: { state: 'ready', version: '1.5.0' }, feedUrl: 'https://hub.example.com/updates/', note: null, checkedAt: Date.UTC(2026, 11, 31, 20, 0) },
    ...overrides,
  };
}

describe('diagnostics', () => {
  it('lists versions, hub, sync, outbox, database version, refusals, errors, updates and where files are', () => {
    const text = buildDiagnostics(input());
    for (const expected of [
      'AgentDesk diagnostics, 2026-12-31T23:59:30.000Z',
      'App: 1.4.0',
      'Electron: 39.2.0',
      'Chrome: 142.0.7444.59',
      'Node: 22.20.0',
      'OS: Windows_NT 10.0.22631 (win32 x64)',
      'Local database version: 27',
      'Address: https://hub.example.com',
      'Mode: remote',
      'Schema version: 31',
      'State: error',
      'Last synced: 2026-12-31T23:50:00.000Z',
      'Cursor: 48213',
      'Changes waiting (outbox): 3',
      '2026-12-31T23:55:00.000Z updateCustomer: invalid_state',
      'TypeError: cannot read x of undefined',
      'Feed: https://hub.example.com/updates/',
      'Status: Version 1.5.0 is ready.',
      'Logs: ~/AppData/Roaming/AgentDesk/logs',
      'Crash dumps: ~/AppData/Roaming/AgentDesk/Crashpad',
      'Crash reports sent to: nowhere (kept on this computer)',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('carries no personal data, even when what it is given does', () => {
    const text = buildDiagnostics(input());
    for (const personal of PERSONAL) expect(text).not.toContain(personal);
    expect(text).not.toContain('Customer.tsx');
  });

  it('says what a browser is in serve mode, without desktop-only parts', () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
    const text = buildDiagnostics(
      input({
        app: { name: 'AgentDesk', version: '1.4.0', host: 'browser', os: ua, hubUrl: 'https://agentdesk.example.com', hubMode: 'served' },
        host: null,
        userAgent: ua,
        update: null,
      }),
    );
    expect(text).toContain(`Browser: ${ua}`);
    expect(text).toContain('Running in: browser');
    expect(text).not.toContain('Electron:');
    expect(text).not.toContain('Crash dumps');
  });

  it('says when no one is signed in and nothing went wrong', () => {
    const text = buildDiagnostics(input({ sync: null, cursor: null, outbox: null, rejections: [], recentErrors: [] }));
    expect(text).toContain('[Sync]\nNot signed in.');
    expect(text).toContain('[Refused changes]\nNone.');
    expect(text).toContain('[Recent errors]\nNone.');
  });
});
