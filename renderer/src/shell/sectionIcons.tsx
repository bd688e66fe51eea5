import type { SvgIconComponent } from '@mui/icons-material';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import type { Section } from '../sections';

export const SECTION_ICONS: Record<Section['id'], SvgIconComponent> = {
  queue: InboxOutlined,
  customers: PeopleAltOutlined,
  'follow-ups': EventAvailableOutlined,
  dashboard: InsightsOutlined,
  scripts: ForumOutlined,
  settings: SettingsOutlined,
  admin: AdminPanelSettingsOutlined,
};
