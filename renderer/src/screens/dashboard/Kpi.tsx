/** One figure of a dashboard, a button to the contacts behind it when it has them. */
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useIntl } from 'react-intl';
import type { Verdict } from './format';

/** A mark before a target met or missed, so it is not told by colour alone. */
const MARKS: Record<NonNullable<Verdict>, string> = { met: '✓ ', missed: '✗ ' };

/** One figure; a button to its drill-down when it has one. */
export function Kpi({ label, value, detail, target, state, onDrill, testId }: { label: string; value: string; detail?: string; target?: string; state?: Verdict; onDrill?: () => void; testId: string }) {
  const intl = useIntl();
  const content = (
    <Box sx={{ p: 1.5, width: '100%', textAlign: 'left' }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h2" component="div" sx={{ fontVariantNumeric: 'tabular-nums', my: 0.25 }} data-testid={`${testId}-value`}>
        {value}
      </Typography>
      {target && (
        <Typography variant="caption" component="div" color={state === 'missed' ? 'error.main' : state === 'met' ? 'success.main' : 'text.secondary'} data-testid={`${testId}-target`}>
          {state ? MARKS[state] : null}
          {target}
        </Typography>
      )}
      {detail && (
        <Typography variant="caption" color="text.secondary" component="div">
          {detail}
        </Typography>
      )}
    </Box>
  );
  return (
    <Paper variant="outlined" data-testid={testId} sx={{ display: 'flex', borderColor: state === 'missed' ? 'error.light' : undefined }}>
      {onDrill ? (
        <ButtonBase onClick={onDrill} sx={{ flex: 1, borderRadius: 1, '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' } }} aria-label={
            target
              ? intl.formatMessage({ id: 'dashboard.kpi.drillWithTarget', defaultMessage: '{label}: {value}, {target}. Show the contacts behind it' }, { label, value, target })
              : intl.formatMessage({ id: 'dashboard.kpi.drill', defaultMessage: '{label}: {value}. Show the contacts behind it' }, { label, value })
          }>
          {content}
        </ButtonBase>
      ) : (
        content
      )}
    </Paper>
  );
}
