/**
 * Administration: people (added, changed, disabled, given a one-time
 * password), teams and queues, and integration keys. Administrators only.
 * People, teams and queues are synced mutations; passwords and keys are set
 * on the hub itself (online only).
 */
import { useState } from 'react';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { useMe } from '../../data/hooks';
import { EmptyState } from '../../shell/EmptyState';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { IntegrationKeys } from './IntegrationKeys';
import { People } from './People';
import { TeamsAndQueues } from './TeamsAndQueues';

const TAB_MESSAGES = defineMessages({
  people: { id: 'admin.tab.people', defaultMessage: 'People' },
  teams: { id: 'admin.tab.teams', defaultMessage: 'Teams & queues' },
  keys: { id: 'admin.tab.keys', defaultMessage: 'Integration keys' },
});
type TabId = keyof typeof TAB_MESSAGES;
const TABS = Object.keys(TAB_MESSAGES) as TabId[];

export function AdminScreen() {
  const intl = useIntl();
  const me = useMe();
  const title = intl.formatMessage({ id: 'admin.title', defaultMessage: 'Admin' });
  const description = intl.formatMessage({ id: 'admin.description', defaultMessage: 'People, teams, queues and integration keys' });
  const [tab, setTab] = useState<TabId>('people');
  if (me && me.role !== 'admin') {
    return (
      <>
        <ScreenHeader title={title} description={description} />
        <EmptyState
          icon={<AdminPanelSettingsOutlined sx={{ fontSize: 48 }} color="disabled" />}
          title={intl.formatMessage({ id: 'admin.notAdmin.title', defaultMessage: 'Administration is for administrators' })}
        >
          <FormattedMessage id="admin.notAdmin.body" defaultMessage="Ask an administrator to change the hub’s settings." />
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <ScreenHeader title={title} description={description} />
      <Box sx={{ maxWidth: 1100 }}>
        <Box sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
          <Tabs value={tab} onChange={(_event, value: TabId) => setTab(value)} aria-label={intl.formatMessage({ id: 'admin.tabs.label', defaultMessage: 'Administration' })}>
            {TABS.map((id) => (
              <Tab key={id} value={id} label={intl.formatMessage(TAB_MESSAGES[id])} id={`admin-tab-${id}`} aria-controls={`admin-panel-${id}`} />
            ))}
          </Tabs>
        </Box>
        {me && (
          <Box role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
            {tab === 'people' && <People me={me} />}
            {tab === 'teams' && <TeamsAndQueues />}
            {tab === 'keys' && <IntegrationKeys />}
          </Box>
        )}
      </Box>
    </>
  );
}
