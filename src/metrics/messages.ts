/**
 * The names of the supervisor KPIs, as descriptors: both dashboards (and
 * anything else that shows a figure) name them the same way in the agent's
 * language. CSV exports keep their own fixed English column names.
 */
import { defineMessages } from '@formatjs/intl';
import type { MessageDescriptor } from '../i18n/messages';

export type MetricName =
  | 'handled'
  | 'aht'
  | 'acw'
  | 'fcr'
  | 'csat'
  | 'nps'
  | 'serviceLevel'
  | 'backlog'
  | 'followUpsOnTime'
  | 'adherence'
  | 'gestures'
  | 'sentiment';

/** Each figure's full name, as a KPI tile heads it. */
export const METRIC_MESSAGES = defineMessages({
  handled: { id: 'metrics.name.handled', defaultMessage: 'Contacts handled' },
  aht: { id: 'metrics.name.aht', defaultMessage: 'Average handle time' },
  acw: { id: 'metrics.name.acw', defaultMessage: 'After-contact work' },
  fcr: { id: 'metrics.name.fcr', defaultMessage: 'First-contact resolution' },
  csat: { id: 'metrics.name.csat', defaultMessage: 'CSAT' },
  nps: { id: 'metrics.name.nps', defaultMessage: 'NPS' },
  serviceLevel: { id: 'metrics.name.serviceLevel', defaultMessage: 'Service level' },
  backlog: { id: 'metrics.name.backlog', defaultMessage: 'Waiting now' },
  followUpsOnTime: { id: 'metrics.name.followUpsOnTime', defaultMessage: 'Follow-ups on time' },
  adherence: { id: 'metrics.name.adherence', defaultMessage: 'Script adherence' },
  gestures: { id: 'metrics.name.gestures', defaultMessage: 'Goodwill gestures' },
  sentiment: { id: 'metrics.name.sentiment', defaultMessage: 'Customer sentiment' },
}) satisfies Record<MetricName, MessageDescriptor>;

/** Short names, for table columns where the full name does not fit. */
export const METRIC_SHORT_MESSAGES = defineMessages({
  handled: { id: 'metrics.short.handled', defaultMessage: 'Handled' },
  aht: { id: 'metrics.short.aht', defaultMessage: 'AHT' },
  acw: { id: 'metrics.short.acw', defaultMessage: 'ACW' },
  fcr: { id: 'metrics.short.fcr', defaultMessage: 'FCR' },
  csat: { id: 'metrics.short.csat', defaultMessage: 'CSAT' },
  adherence: { id: 'metrics.short.adherence', defaultMessage: 'Adherence' },
}) satisfies Partial<Record<MetricName, MessageDescriptor>>;
