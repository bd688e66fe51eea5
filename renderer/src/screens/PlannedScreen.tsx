import { useIntl } from 'react-intl';
import { ScreenHeader } from '../shell/ScreenHeader';
import { EmptyState } from '../shell/EmptyState';
import { SECTION_ICONS } from '../shell/sectionIcons';
import type { Section } from '../sections';

const EMPTY: Record<Exclude<Section['id'], 'settings' | 'admin'>, { title: string; body: string }> = {
  queue: { title: 'No contacts waiting', body: 'Calls, emails, chats, SMS and social messages routed to your queues appear here with their SLA clocks.' },
  customers: { title: 'No customers on this device yet', body: 'Customers and their full history across every channel appear here once this device has synced with the hub.' },
  'follow-ups': { title: 'No follow-ups planned', body: 'Callbacks and check-ins you schedule at wrap-up appear here, overdue first.' },
  dashboard: { title: 'No activity to report yet', body: "Your team's handled contacts, satisfaction and service level appear here, computed on this device." },
  scripts: { title: 'No scripts on this device yet', body: 'Conversation scripts with their empathy prompts appear here once they have synced from the hub.' },
};

/** A section whose content arrives with the data it shows: a heading and an honest empty state. */
export function PlannedScreen({ section }: { section: Section & { id: keyof typeof EMPTY } }) {
  const intl = useIntl();
  const Icon = SECTION_ICONS[section.id];
  const empty = EMPTY[section.id];
  return (
    <>
      <ScreenHeader title={intl.formatMessage(section.label)} description={intl.formatMessage(section.description)} />
      <EmptyState icon={<Icon sx={{ fontSize: 48 }} color="disabled" />} title={empty.title}>
        {empty.body}
      </EmptyState>
    </>
  );
}
