import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { FormattedMessage, useIntl } from 'react-intl';
import { shortcutSheet } from '../lib/commands/catalogue';
import { chordLabel } from '../lib/commands/keys';
import { useSession } from '../state/session';
import { useAppState } from '../state/app';
import { isMac } from './keyboard';

function Keys({ keys }: { keys: string[] }) {
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {keys.map((key) => (
        <Box
          component="kbd"
          key={key}
          sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: 'inherit', fontSize: '0.8rem', bgcolor: 'action.hover' }}
        >
          {key}
        </Box>
      ))}
    </Box>
  );
}

/** Every command with keys, from the one catalogue the keys and the palette use too. */
export function ShortcutsDialog() {
  const intl = useIntl();
  const open = useAppState((state) => state.shortcutsOpen);
  const setOpen = useAppState((state) => state.setShortcutsOpen);
  const role = useSession((state) => state.session?.user.role);
  const groups = shortcutSheet(role);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="shortcuts-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcuts-title">
        <FormattedMessage id="shell.shortcuts.title" defaultMessage="Keyboard shortcuts" />
      </DialogTitle>
      <DialogContent>
        {groups.map((group) => (
          <Box key={group.title.id} sx={{ mb: 2 }}>
            <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
              {intl.formatMessage(group.title)}
            </Typography>
            <Table size="small" aria-label={intl.formatMessage({ id: 'shell.shortcuts.table', defaultMessage: '{group} shortcuts' }, { group: intl.formatMessage(group.title) })}>
              <TableBody>
                {group.commands.map((command) => (
                  <TableRow key={command.id}>
                    <TableCell sx={{ width: '40%' }}>
                      <Keys keys={command.keys.map((chord) => chordLabel(chord, isMac))} />
                    </TableCell>
                    <TableCell>{intl.formatMessage(command.label)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ))}
      </DialogContent>
    </Dialog>
  );
}
