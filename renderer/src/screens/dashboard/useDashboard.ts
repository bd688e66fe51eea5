/** The dashboard's figures, computed in its worker and refreshed whenever the local cache changes. */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import type { DashboardFigures, DrillFigure, GestureFigures, MetricsFilters } from '@core/metrics';
import { useLocal } from '../../data/local';
import type { FromDashboardWorker, ToDashboardWorker } from './messages';

interface WorkerState {
  loading: { loaded: number; total: number } | null;
  /** Bumped whenever the aggregates change: figures are asked for again. */
  revision: number;
  error: string | null;
}

const useWorkerState = create<WorkerState>(() => ({ loading: null, revision: 0, error: null }));

let worker: Worker | null = null;
let openFor: string | null = null;
let nextRequest = 1;
const pending = new Map<number, (message: FromDashboardWorker) => void>();

function send(message: ToDashboardWorker): void {
  worker?.postMessage(message);
}

/** The worker for this person's database, started on first use and kept while they stay signed in. */
function ensureWorker(dbName: string, timeZone: string): void {
  const key = `${dbName}|${timeZone}`;
  if (worker && openFor === key) return;
  worker ??= new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module', name: 'agentdesk-dashboard' });
  worker.onmessage = (event: MessageEvent<FromDashboardWorker>) => {
    const message = event.data;
    if (message.type === 'loading') useWorkerState.setState({ loading: message.loaded >= message.total ? null : { loaded: message.loaded, total: message.total } });
    else if (message.type === 'changed') useWorkerState.setState((state) => ({ revision: state.revision + 1 }));
    else if (message.type === 'error') useWorkerState.setState({ error: message.message });
    else {
      pending.get(message.requestId)?.(message);
      pending.delete(message.requestId);
    }
  };
  openFor = key;
  useWorkerState.setState({ loading: { loaded: 0, total: 0 }, error: null });
  send({ type: 'open', dbName, timeZone });
}

/** Stops the worker (sign-out). */
export function stopDashboardWorker(): void {
  worker?.terminate();
  worker = null;
  openFor = null;
  pending.clear();
}

function request<T extends FromDashboardWorker['type']>(message: ToDashboardWorker & { requestId: number }): Promise<Extract<FromDashboardWorker, { type: T }>> {
  return new Promise((resolve) => {
    pending.set(message.requestId, resolve as (message: FromDashboardWorker) => void);
    send(message);
  });
}

export interface DashboardView {
  figures: DashboardFigures | null;
  /** Goodwill gestures given, in the same range and filters. */
  gestures: GestureFigures | null;
  /** How long the worker took to compute them. */
  computeMs: number | null;
  rows: number;
  loading: { loaded: number; total: number } | null;
  error: string | null;
}

/** Figures for `filters`, recomputed when they or the data change; `now` moves each minute. */
export function useDashboard(filters: MetricsFilters, timeZone: string, now: number): DashboardView {
  const dbName = useLocal((state) => state.db?.name ?? null);
  const { loading, revision, error } = useWorkerState();
  const [result, setResult] = useState<{ figures: DashboardFigures; gestures: GestureFigures; computeMs: number; rows: number } | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify(filters);
  useEffect(() => {
    if (!dbName) return;
    ensureWorker(dbName, timeZone);
    const requestId = nextRequest++;
    latest.current = requestId;
    void request<'figures'>({ type: 'figures', requestId, filters: JSON.parse(key) as MetricsFilters, now }).then((message) => {
      if (latest.current === requestId) setResult({ figures: message.figures, gestures: message.gestures, computeMs: message.computeMs, rows: message.rows });
    });
  }, [dbName, timeZone, key, now, revision]);
  return { figures: result?.figures ?? null, gestures: result?.gestures ?? null, computeMs: result?.computeMs ?? null, rows: result?.rows ?? 0, loading, error };
}

/** The ids behind a figure (contacts; follow-ups for the follow-up figures). */
export function drillDownIds(filters: MetricsFilters, figure: DrillFigure, now: number): Promise<string[]> {
  const requestId = nextRequest++;
  return request<'drill'>({ type: 'drill', requestId, filters, figure, now }).then((message) => message.ids);
}
