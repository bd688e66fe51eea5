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
import { useMe } from '../../data/hooks';
import { EmptyState } from '../../shell/EmptyState';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { IntegrationKeys } from './IntegrationKeys';
import { People } from './People';
import { TeamsAndQueues } from './TeamsAndQueues';

const TABS = [
  { id: 'people', label: 'People' },
  { id: 'teams', label: 'Teams & queues' },
  { id: 'keys', label: 'Integration keys' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function AdminScreen() {
  const me = useMe();
  const [tab, setTab] = useState<TabId>('people');
  if (me && me.role !== 'admin') {
    return (
      <>
        <ScreenHeader title="Admin" description="People, teams, queues and integration keys" />
        <EmptyState icon={<AdminPanelSettingsOutlined sx={{ fontSize: 48 }} color="disabled" />} title="Administration is for administrators">
          Ask an administrator to change the hub’s settings.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <ScreenHeader title="Admin" description="People, teams, queues and integration keys" />
      <Box sx={{ maxWidth: 1100 }}>
        <Box sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
          <Tabs value={tab} onChange={(_event, value: TabId) => setTab(value)} aria-label="Administration">
            {TABS.map((item) => (
              <Tab key={item.id} value={item.id} label={item.label} id={`admin-tab-${item.id}`} aria-controls={`admin-panel-${item.id}`} />
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
