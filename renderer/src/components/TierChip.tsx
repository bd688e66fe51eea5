import Chip from '@mui/material/Chip';
import { useIntl } from 'react-intl';
import type { Customer } from '@core/domain/model';
import { TIER_MESSAGES } from '@core/scripts/variables';

/** A customer's tier, when it is more than standard. */
export function TierChip({ tier }: { tier: Customer['tier'] }) {
  const intl = useIntl();
  if (tier === 'standard') return null;
  return <Chip size="small" label={intl.formatMessage(TIER_MESSAGES[tier])} color={tier === 'vip' ? 'secondary' : 'default'} variant={tier === 'vip' ? 'filled' : 'outlined'} />;
}
