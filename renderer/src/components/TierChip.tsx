import Chip from '@mui/material/Chip';
import type { Customer } from '@core/domain/model';

const TIER_LABELS = { standard: null, gold: 'Gold', vip: 'VIP' } as const;

/** A customer's tier, when it is more than standard. */
export function TierChip({ tier }: { tier: Customer['tier'] }) {
  const label = TIER_LABELS[tier];
  if (!label) return null;
  return <Chip size="small" label={label} color={tier === 'vip' ? 'secondary' : 'default'} variant={tier === 'vip' ? 'filled' : 'outlined'} />;
}
