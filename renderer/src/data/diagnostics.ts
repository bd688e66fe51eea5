/** Gathers what "Copy diagnostics" reports, from the host, the app state and the local database. */
import { buildDiagnostics } from '@core/diagnostics';
import { DB_VERSIONS, META } from '@core/db/schema';
import { bridge } from '../bridge';
import { recentErrors } from '../lib/errorLog';
import { useAppState } from '../state/app';
import { useLocal } from './local';

export async function collectDiagnostics(now: number = Date.now()): Promise<string> {
  const { info, health, connection } = useAppState.getState();
  const { db, sync, actor } = useLocal.getState();
  const signedIn = db !== null && actor !== null;
  const [host, update, outbox, cursor, rejections] = await Promise.all([
    bridge.hostDiagnostics().catch(() => null),
    bridge.updateState().catch(() => null),
    signedIn ? db.outbox.count() : Promise.resolve(null),
    signedIn ? db.getMeta<number>(META.cursor).then((value) => value ?? null) : Promise.resolve(null),
    signedIn ? db.rejections.orderBy('id').reverse().toArray() : Promise.resolve([]),
  ]);
  return buildDiagnostics({
    generatedAt: now,
    app: info,
    host,
    userAgent: bridge.host === 'browser' ? navigator.userAgent : null,
    hub: { connection, version: health?.version ?? null, storage: health?.storage ?? null, schemaVersion: health?.schemaVersion ?? null },
    sync: signedIn ? sync : null,
    cursor,
    outbox,
    dbVersion: DB_VERSIONS.at(-1)?.version ?? 0,
    rejections,
    recentErrors: recentErrors(),
    update,
  });
}
