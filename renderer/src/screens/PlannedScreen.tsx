import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { ScreenHeader } from '../shell/ScreenHeader';
import { EmptyState } from '../shell/EmptyState';
import { SECTION_ICONS } from '../shell/sectionIcons';
import type { Section } from '../sections';

type PlannedSection = Exclude<Section['id'], 'settings' | 'admin'>;

const EMPTY: Record<PlannedSection, { title: MessageDescriptor; body: MessageDescriptor }> = {
  queue: defineMessages({
    title: { id: 'planner.plannedScreen.queueTitle', defaultMessage: 'No contacts waiting' },
    body: { id: 'planner.plannedScreen.queueBody', defaultMessage: 'Calls, emails, chats, SMS and social messages routed to your queues appear here with their SLA clocks.' },
  }),
  customers: defineMessages({
    title: { id: 'planner.plannedScreen.customersTitle', defaultMessage: 'No customers on this device yet' },
    body: { id: 'planner.plannedScreen.customersBody', defaultMessage: 'Customers and their full history across every channel appear here once this device has synced with the hub.' },
  }),
  'follow-ups': defineMessages({
    title: { id: 'planner.plannedScreen.followUpsTitle', defaultMessage: 'No follow-ups planned' },
    body: { id: 'planner.plannedScreen.followUpsBody', defaultMessage: 'Callbacks and check-ins you schedule at wrap-up appear here, overdue first.' },
  }),
  dashboard: defineMessages({
    title: { id: 'planner.plannedScreen.dashboardTitle', defaultMessage: 'No activity to report yet' },
    body: { id: 'planner.plannedScreen.dashboardBody', defaultMessage: "Your team's handled contacts, satisfaction and service level appear here, computed on this device." },
  }),
  scripts: defineMessages({
    title: { id: 'planner.plannedScreen.scriptsTitle', defaultMessage: 'No scripts on this device yet' },
    body: { id: 'planner.plannedScreen.scriptsBody', defaultMessage: 'Conversation scripts with their empathy prompts appear here once they have synced from the hub.' },
  }),
};

/** A section whose content arrives with the data it shows: a heading and an honest empty state. */
export function PlannedScreen({ section }: { section: Section & { id: keyof typeof EMPTY } }) {
  const intl = useIntl();
  const Icon = SECTION_ICONS[section.id];
  const empty = EMPTY[section.id];
  return (
    <>
      <ScreenHeader title={intl.formatMessage(section.label)} description={intl.formatMessage(section.description)} />
      <EmptyState icon={<Icon sx={{ fontSize: 48 }} color="disabled" />} title={intl.formatMessage(empty.title)}>
        {intl.formatMessage(empty.body)}
      </EmptyState>
    </>
  );
}
