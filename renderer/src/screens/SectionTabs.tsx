import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { navigate } from '../state/router';

/** Pages within one section (Scripts | Knowledge): links that say which one is open. */
export function SectionTabs({ label, tabs, current }: { label: MessageDescriptor; tabs: readonly { path: string; label: MessageDescriptor }[]; current: string }) {
  const intl = useIntl();
  const name = intl.formatMessage(label);
  return (
    <Box component="nav" aria-label={name} sx={{ mb: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Tabs value={current} onChange={(_event, path: string) => navigate(path)} aria-label={name}>
        {tabs.map((tab) => (
          <Tab key={tab.path} value={tab.path} label={intl.formatMessage(tab.label)} aria-current={tab.path === current ? 'page' : undefined} />
        ))}
      </Tabs>
    </Box>
  );
}
