import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useIntl } from 'react-intl';
import { commandSpec } from '../lib/commands/catalogue';
import { keyHint } from '../lib/commands/useCommands';

/** A row of "key what-it-does" reminders, written from the command catalogue. */
export function ShortcutHints({ ids }: { ids: readonly string[] }) {
  const intl = useIntl();
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} data-testid="shortcut-hints">
      {ids.map((id) => (
        <Typography key={id} component="span" variant="caption" color="text.secondary">
          <Box component="kbd" sx={{ px: 0.5, mr: 0.5, border: 1, borderColor: 'divider', borderRadius: 0.5, fontFamily: 'inherit' }}>
            {keyHint(id)}
          </Box>
          {intl.formatMessage(commandSpec(id).hint ?? commandSpec(id).label)}
        </Typography>
      ))}
    </Stack>
  );
}
