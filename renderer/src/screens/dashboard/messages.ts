/** Messages between the dashboard screen and its worker, which keeps the aggregates off the UI thread. */
import type { DashboardFigures, DrillFigure, GestureFigures, MetricsFilters } from '@core/metrics';

export type ToDashboardWorker =
  | { type: 'open'; dbName: string; timeZone: string }
  | { type: 'figures'; requestId: number; filters: MetricsFilters; now: number }
  | { type: 'drill'; requestId: number; filters: MetricsFilters; figure: DrillFigure; now: number }
  | { type: 'close' };

export type FromDashboardWorker =
  /** Rows read into the aggregates so far, while they are first built. */
  | { type: 'loading'; loaded: number; total: number }
  /** The aggregates changed (local writes or pulled rows): figures asked for before are out of date. */
  | { type: 'changed' }
  | { type: 'figures'; requestId: number; figures: DashboardFigures; gestures: GestureFigures; computeMs: number; rows: number }
  | { type: 'drill'; requestId: number; ids: string[] }
  | { type: 'error'; message: string };
