/** Messages between the apply benchmark's page, its worker, and the Node driver. */

/**
 * ours:          applyPulledPage per page into an AgentDeskDb (production path)
 * raw:           raw IndexedDB puts of the same rows, same stores and indexes, one transaction per page (baseline)
 * validate-only: prepareChanges per page (zod parsing), no IndexedDB (diagnostic)
 * dexie-bulkput: Dexie bulkPut of already-validated rows, one transaction per page (diagnostic)
 */
export type RunKind = 'ours' | 'raw' | 'validate-only' | 'dexie-bulkput';

export interface PreparedInfo {
  rows: number;
  pages: number;
  byEntity: Record<string, number>;
  /** The customer with the most contacts among the rows: the main thread watches that timeline. */
  busiestCustomer: string;
  busiestCustomerContacts: number;
  generateMs: number;
}

export interface WorkerRunResult {
  kind: RunKind;
  rows: number;
  pages: number;
  elapsedMs: number;
  pageMs: number[];
}

export interface MainThreadStats {
  /** Longest task reported by PerformanceObserver('longtask'); 0 when none reached 50 ms. */
  longestTaskMs: number;
  longTasks: number;
  /** Longest gap between two requestAnimationFrame callbacks. */
  longestFrameGapMs: number;
  frames: number;
  /** How many times the main thread's live queries produced a new answer. */
  liveQueryAnswers: number;
}

export interface RunResult extends WorkerRunResult {
  main: MainThreadStats;
}

export type ToWorker =
  | { requestId: number; type: 'prepare' }
  | { requestId: number; type: 'run'; kind: RunKind; pages: number; dbName: string }
  | { requestId: number; type: 'drop'; dbName: string };

export type FromWorker =
  | { requestId: number; type: 'prepared'; info: PreparedInfo }
  | { requestId: number; type: 'ran'; result: WorkerRunResult }
  | { requestId: number; type: 'dropped' }
  | { requestId: number; type: 'failed'; message: string };

export interface ApplyBenchApi {
  prepare(): Promise<PreparedInfo>;
  run(kind: RunKind, pages: number, dbName: string): Promise<RunResult>;
  /** rAF-to-rAF intervals of an idle page, for calibrating the frame figures. */
  idleFrames(count: number): Promise<number[]>;
}

declare global {
  interface Window {
    applyBench?: ApplyBenchApi;
  }
}
