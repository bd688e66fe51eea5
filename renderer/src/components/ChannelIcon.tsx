import CallOutlined from '@mui/icons-material/CallOutlined';
import ChatOutlined from '@mui/icons-material/ChatOutlined';
import EmailOutlined from '@mui/icons-material/EmailOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import StickyNote2Outlined from '@mui/icons-material/StickyNote2Outlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { Channel } from '@core/domain/common';

const ICONS = {
  call: CallOutlined,
  email: EmailOutlined,
  chat: ChatOutlined,
  sms: SmsOutlined,
  social: ForumOutlined,
  note: StickyNote2Outlined,
} as const;

/** The icon of a channel; decorative (the channel is always also written). */
export function ChannelIcon({ channel, ...props }: { channel: Channel } & SvgIconProps) {
  const Icon = ICONS[channel];
  return <Icon fontSize="small" aria-hidden {...props} />;
}
