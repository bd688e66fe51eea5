import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { navigate } from '../state/router';

/** Pages within one section (Scripts | Knowledge): links that say which one is open. */
export function SectionTabs({ label, tabs, current }: { label: string; tabs: readonly { path: string; label: string }[]; current: string }) {
  return (
    <Box component="nav" aria-label={label} sx={{ mb: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Tabs value={current} onChange={(_event, path: string) => navigate(path)} aria-label={label}>
        {tabs.map((tab) => (
          <Tab key={tab.path} value={tab.path} label={tab.label} aria-current={tab.path === current ? 'page' : undefined} />
        ))}
      </Tabs>
    </Box>
  );
}
