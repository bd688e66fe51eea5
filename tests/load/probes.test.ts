/** Reading the hub's Prometheus text: counters summed over label sets, gauges averaged, absent metrics told apart from zero. */
import { describe, expect, it } from 'vitest';
import { metricMean, metricSum } from './probes';

const TEXT = `# HELP agentdesk_db_queries_total Queries sent to the database.
# TYPE agentdesk_db_queries_total counter
agentdesk_db_queries_total{kind="read"} 120
agentdesk_db_queries_total{kind="write",route="/sync/push"} 30.5
agentdesk_db_queries_total_created 1700000000
# TYPE agentdesk_event_loop_utilization gauge
agentdesk_event_loop_utilization 0.25
process_cpu_seconds_total 3
`;

describe('load probes: /metrics text', () => {
  it('sums a counter over its label sets and leaves look-alike names out', () => {
    expect(metricSum(TEXT, 'agentdesk_db_queries_total')).toBe(150.5);
  });
  it('reads a gauge', () => {
    expect(metricMean(TEXT, 'agentdesk_event_loop_utilization')).toBe(0.25);
  });
  it('answers null for a metric that is not there, or no text at all', () => {
    expect(metricSum(TEXT, 'agentdesk_missing_total')).toBeNull();
    expect(metricSum(null, 'agentdesk_db_queries_total')).toBeNull();
  });
});
