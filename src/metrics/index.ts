/** Supervisor KPIs: definitions, full recomputation with drill-down, and incrementally maintained aggregates. */
export { computeDashboard, drillDown } from './dashboard';
export { gestureFigures, moneyByCurrencyText, type AgentGestures, type GestureContact, type GestureFigures, type MoneyByCurrency } from './gestures';
export { createAggregates, type AggregateStats, type Aggregates } from './aggregates';
export { FCR_WINDOW_MS, isCustomerInbound, isHandled, isWorked } from './definitions';
export { DayClock, dayKey } from './days';
export { METRIC_MESSAGES, METRIC_SHORT_MESSAGES, type MetricName } from './messages';
export * from './types';
